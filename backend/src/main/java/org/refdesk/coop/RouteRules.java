package org.refdesk.coop;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.refdesk.library.LibrarySettings;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;
import org.refdesk.queue.Queue;
import org.refdesk.queue.QueueRepository;

/**
 * What a queue's cascade may say. A step goes to a department (another queue of the same library)
 * or to a queue of a co-op the library belongs to; a co-op's queue goes on only to another co-op's
 * queue (local co-op → global co-op). A roll-up waits at least {@link
 * CoopLimits#MIN_ROLL_UP_SECONDS} and longer than the library's first-minute escalation, so the
 * local librarians are rung first. A cascade never leads back to where it started.
 */
final class RouteRules {

  /** One step as given, in order. */
  record Step(long toQueueId, String condition, Integer afterSeconds) {}

  private static final Set<String> CONDITIONS =
      Set.of(Route.ALWAYS, Route.OUTSIDE_HOURS, Route.UNCLAIMED);

  private final QueueRepository queues;
  private final CoopRepository coops;

  RouteRules(QueueRepository queues, CoopRepository coops) {
    this.queues = queues;
    this.coops = coops;
  }

  /** The steps as given, checked one by one; nothing is stored until all pass. */
  Future<List<Step>> check(Queue from, JsonObject body) {
    List<Step> steps;
    try {
      steps = read(from, body);
    } catch (ApiException e) {
      return Future.failedFuture(e);
    }
    var memberships = coops.coopsOf(from.libraryId());
    var edges = coops.routeEdges();
    var targets = Future.all(steps.stream().map(s -> queues.byId(s.toQueueId())).toList());
    return Future.all(memberships, edges, targets)
        .compose(
            done -> {
              for (int i = 0; i < steps.size(); i++) {
                var target = targets.result().<java.util.Optional<Queue>>resultAt(i);
                var step = steps.get(i);
                if (target.isEmpty() || !mayTarget(from, target.get(), memberships.result())) {
                  return Future.failedFuture(
                      new ApiException(
                          ErrorCode.UNKNOWN_QUEUE,
                          "Step "
                              + (i + 1)
                              + ": there is no such queue to send chats to: a queue of this library"
                              + " or of a co-op it belongs to."));
                }
                if (leadsBack(step.toQueueId(), from.id(), edges.result())) {
                  return Future.failedFuture(
                      ApiException.invalid(
                          "Step " + (i + 1) + ": that queue's routes lead back to this queue."));
                }
              }
              return Future.succeededFuture(steps);
            });
  }

  private static List<Step> read(Queue from, JsonObject body) {
    if (!(body.getValue("steps") instanceof JsonArray given)) {
      throw ApiException.invalid("'steps' must be a list.");
    }
    if (given.size() > CoopLimits.MAX_ROUTE_STEPS) {
      throw ApiException.invalid(
          "'steps' must have at most " + CoopLimits.MAX_ROUTE_STEPS + " steps.");
    }
    long firstMinute =
        LibrarySettings.effective(from.librarySettings()).getLong("firstMinuteSeconds");
    long soonest = Math.max(CoopLimits.MIN_ROLL_UP_SECONDS, firstMinute + 1);
    var steps = new ArrayList<Step>();
    var seen = new HashSet<Long>();
    for (int i = 0; i < given.size(); i++) {
      var where = "Step " + (i + 1) + ": ";
      if (!(given.getValue(i) instanceof JsonObject step)) {
        throw ApiException.invalid(where + "each step must be an object.");
      }
      if (!(step.getValue("toQueueId") instanceof Number to) || to.longValue() <= 0) {
        throw ApiException.invalid(where + "'toQueueId' must name a queue.");
      }
      if (to.longValue() == from.id()) {
        throw ApiException.invalid(where + "a queue cannot route to itself.");
      }
      if (!seen.add(to.longValue())) {
        throw ApiException.invalid(where + "each queue may appear once in a cascade.");
      }
      if (!(step.getValue("condition") instanceof String condition)
          || !CONDITIONS.contains(condition)) {
        throw ApiException.invalid(
            where + "'condition' must be one of always, outside_hours, unclaimed.");
      }
      Integer after = null;
      if (Route.UNCLAIMED.equals(condition)) {
        if (!(step.getValue("afterSeconds") instanceof Number seconds)
            || seconds.doubleValue() != Math.floor(seconds.doubleValue())
            || seconds.longValue() < soonest
            || seconds.longValue() > CoopLimits.MAX_ROLL_UP_SECONDS) {
          throw ApiException.invalid(
              where
                  + "'afterSeconds' must be a whole number from "
                  + soonest
                  + " (after the library's first minute of "
                  + firstMinute
                  + " s) to "
                  + CoopLimits.MAX_ROLL_UP_SECONDS
                  + ".");
        }
        after = seconds.intValue();
      } else if (step.getValue("afterSeconds") != null) {
        throw ApiException.invalid(where + "'afterSeconds' is only for 'unclaimed'.");
      }
      steps.add(new Step(to.longValue(), condition, after));
    }
    return steps;
  }

  /**
   * A library's queue goes to its own departments or its co-ops' queues; a co-op's queue only to
   * another co-op's queue that its host belongs to.
   */
  private static boolean mayTarget(Queue from, Queue target, Set<Long> memberships) {
    if (target.isCoopQueue()) {
      return memberships.contains(target.coopId()) && !target.coopId().equals(from.coopId());
    }
    return !from.isCoopQueue() && target.libraryId() == from.libraryId();
  }

  /** Whether following routes from {@code start} reaches {@code home}. */
  private static boolean leadsBack(long start, long home, Map<Long, List<Long>> edges) {
    var seen = new HashSet<Long>();
    var next = new ArrayDeque<Long>(List.of(start));
    while (!next.isEmpty()) {
      var at = next.poll();
      if (at == home) {
        return true;
      }
      if (seen.add(at)) {
        next.addAll(edges.getOrDefault(at, List.of()));
      }
    }
    return false;
  }
}
