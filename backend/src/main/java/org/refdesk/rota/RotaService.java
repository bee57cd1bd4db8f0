package org.refdesk.rota;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.refdesk.library.LibraryAddresses;
import org.refdesk.operator.Operator;
import org.refdesk.platform.errors.ApiException;

/**
 * The rota's rules: every operator of a library reads its rota; only its admins change it, and only
 * with the library's own operators and queues; an operator is never rostered twice at once. Dates
 * and times are the library's.
 */
final class RotaService {

  /**
   * On {@code alerts.<libraryId>}: the rota changed; open calendars and shift prompts read again.
   */
  static final String ROTA_CHANGED = "rota-changed";

  private final Vertx vertx;
  private final RotaRepository rota;

  RotaService(Vertx vertx, RotaRepository rota) {
    this.vertx = vertx;
    this.rota = rota;
  }

  /**
   * The occurrences of {@code days} days from {@code from} (this week's Monday when absent), day by
   * day; for an admin, with the library's queues and operators to choose from.
   */
  Future<JsonObject> calendar(Operator caller, Optional<LocalDate> from, int days) {
    return zone(caller.libraryId())
        .compose(
            zone -> {
              var today = LocalDate.now(zone);
              var first =
                  from.orElse(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
              var last = first.plusDays(days - 1L);
              return occurrences(caller.libraryId(), first, last, null, zone)
                  .compose(
                      found ->
                          (caller.isAdmin()
                                  ? rota.choices(caller.libraryId())
                                  : Future.succeededFuture((JsonObject) null))
                              .map(
                                  choices ->
                                      new JsonObject()
                                          .put("from", first.toString())
                                          .put("days", dayByDay(first, days, found))
                                          .put("today", today.toString())
                                          .put("timezone", zone.getId())
                                          .put("choices", choices)));
            });
  }

  /**
   * The caller's current shift (from its start until {@link RotaLimits#AFTER_END_MINUTES} after its
   * end), its phase ({@code on}, then {@code wrap-up} from {@link RotaLimits#WRAP_UP_MINUTES}
   * before the end; {@code off} without one) and their next shift.
   */
  Future<JsonObject> myNow(Operator caller) {
    return zone(caller.libraryId())
        .compose(
            zone -> {
              var now = Instant.now();
              var today = LocalDate.now(zone);
              return occurrences(
                      caller.libraryId(),
                      today.minusDays(1),
                      today.plusDays(RotaLimits.NEXT_SHIFT_DAYS),
                      caller.id(),
                      zone)
                  .map(found -> now(found, now, zone));
            });
  }

  /**
   * For each weekday and hour of the week from {@code from} (this week's Monday when absent), how
   * many people are rostered in some part of that hour; in one queue, or in any.
   */
  Future<JsonObject> coverage(Operator caller, Optional<LocalDate> from, Optional<Long> queueId) {
    return zone(caller.libraryId())
        .compose(
            zone -> {
              var monday =
                  from.orElse(
                      LocalDate.now(zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
              return occurrences(caller.libraryId(), monday, monday.plusDays(6), null, zone)
                  .map(
                      found -> {
                        var inQueue =
                            found.stream()
                                .filter(o -> !o.off())
                                .filter(o -> queueId.isEmpty() || o.queueId() == queueId.get())
                                .toList();
                        return new JsonObject()
                            .put("from", monday.toString())
                            .put("timezone", zone.getId())
                            .put("queueId", queueId.orElse(null))
                            .put("cells", cells(monday, inQueue));
                      });
            });
  }

  Future<Shift> createShift(Operator admin, RotaRepository.ShiftFields fields) {
    return checkPeople(admin.libraryId(), fields.operatorId(), fields.queueId())
        .compose(ok -> rota.createShift(admin.libraryId(), fields, admin.id()))
        .compose(id -> rota.shift(admin.libraryId(), id))
        .map(Optional::orElseThrow)
        .onSuccess(shift -> changed(admin.libraryId()));
  }

  Future<Shift> updateShift(Operator admin, long id, RotaRepository.ShiftFields fields) {
    return rota.shift(admin.libraryId(), id)
        .compose(
            found -> found.isPresent() ? Future.succeededFuture() : Future.failedFuture(noShift()))
        .compose(ok -> checkPeople(admin.libraryId(), fields.operatorId(), fields.queueId()))
        .compose(ok -> rota.updateShift(admin.libraryId(), id, fields, admin.id()))
        .compose(updated -> rota.shift(admin.libraryId(), id))
        .map(found -> found.orElseThrow(RotaService::noShift))
        .onSuccess(shift -> changed(admin.libraryId()));
  }

  Future<Void> deleteShift(Operator admin, long id) {
    return rota.deleteShift(admin.libraryId(), id, admin.id())
        .compose(
            deleted -> deleted ? Future.<Void>succeededFuture() : Future.failedFuture(noShift()))
        .onSuccess(done -> changed(admin.libraryId()));
  }

  /**
   * An "off" names one of the library's weekly shifts on a date it falls on; an extra shift names
   * the library's own operator and queue.
   */
  Future<ShiftException> createException(Operator admin, RotaRepository.ExceptionFields fields) {
    long libraryId = admin.libraryId();
    Future<RotaRepository.ExceptionFields> checked =
        ShiftException.OFF.equals(fields.kind())
            ? rota.shift(libraryId, fields.shiftId())
                .map(
                    found -> {
                      var shift =
                          found.orElseThrow(
                              () ->
                                  ApiException.invalid("'shiftId' is not a shift of the library."));
                      if (!shift.fallsOn(fields.onDate())) {
                        throw ApiException.invalid("The shift does not fall on 'date'.");
                      }
                      return new RotaRepository.ExceptionFields(
                          fields.kind(),
                          fields.onDate(),
                          shift.id(),
                          shift.operatorId(),
                          null,
                          null,
                          null,
                          fields.note());
                    })
            : checkPeople(libraryId, fields.operatorId(), fields.queueId()).map(ok -> fields);
    return checked
        .compose(ready -> rota.createException(libraryId, ready, admin.id()))
        .compose(id -> rota.exception(libraryId, id))
        .map(Optional::orElseThrow)
        .onSuccess(made -> changed(libraryId));
  }

  Future<Void> deleteException(Operator admin, long id) {
    return rota.deleteException(admin.libraryId(), id, admin.id())
        .compose(
            deleted ->
                deleted
                    ? Future.<Void>succeededFuture()
                    : Future.failedFuture(ApiException.notFound("There is no such exception.")))
        .onSuccess(done -> changed(admin.libraryId()));
  }

  /** Today in the library's zone, for the default first day of a new shift. */
  Future<LocalDate> today(long libraryId) {
    return zone(libraryId).map(LocalDate::now);
  }

  private Future<List<Occurrence>> occurrences(
      long libraryId, LocalDate first, LocalDate last, Long operatorId, ZoneId zone) {
    var shifts = rota.shifts(libraryId, first, last, operatorId);
    var exceptions = rota.exceptions(libraryId, first, last, operatorId);
    int days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
    return Future.all(shifts, exceptions)
        .map(done -> RotaCalendar.expand(first, days, zone, shifts.result(), exceptions.result()));
  }

  private Future<Void> checkPeople(long libraryId, long operatorId, long queueId) {
    var operator = rota.operatorName(libraryId, operatorId);
    var queue = rota.queueName(libraryId, queueId);
    return Future.all(operator, queue)
        .compose(
            done -> {
              if (operator.result().isEmpty()) {
                return Future.failedFuture(
                    ApiException.invalid("'operatorId' is not an operator of the library."));
              }
              if (queue.result().isEmpty()) {
                return Future.failedFuture(
                    ApiException.invalid("'queueId' is not a queue of the library."));
              }
              return Future.succeededFuture();
            });
  }

  private Future<ZoneId> zone(long libraryId) {
    return rota.timezone(libraryId).map(RotaService::zoneOf);
  }

  private void changed(long libraryId) {
    vertx
        .eventBus()
        .publish(
            LibraryAddresses.alerts(libraryId),
            new JsonObject().put("type", ROTA_CHANGED).put("libraryId", libraryId));
  }

  private static JsonObject now(List<Occurrence> mine, Instant now, ZoneId zone) {
    var working = mine.stream().filter(o -> !o.off()).toList();
    var afterEnd = Duration.ofMinutes(RotaLimits.AFTER_END_MINUTES);
    var current =
        working.stream()
            .filter(o -> !now.isBefore(o.startsAt()) && now.isBefore(o.endsAt().plus(afterEnd)))
            .findFirst();
    var next =
        working.stream()
            .filter(o -> o.startsAt().isAfter(now))
            .filter(o -> current.isEmpty() || !o.key().equals(current.get().key()))
            .findFirst();
    var wrapUpFrom =
        current.map(o -> o.endsAt().minus(Duration.ofMinutes(RotaLimits.WRAP_UP_MINUTES)));
    String phase = current.isEmpty() ? "off" : now.isBefore(wrapUpFrom.get()) ? "on" : "wrap-up";
    return new JsonObject()
        .put("now", now.toString())
        .put("timezone", zone.getId())
        .put("phase", phase)
        .put("current", current.map(Occurrence::toJson).orElse(null))
        .put("next", next.map(Occurrence::toJson).orElse(null))
        .put("wrapUpMinutes", RotaLimits.WRAP_UP_MINUTES);
  }

  private static JsonArray dayByDay(LocalDate first, int days, List<Occurrence> found) {
    var list = new JsonArray();
    for (int i = 0; i < days; i++) {
      var date = first.plusDays(i);
      var shifts = new JsonArray();
      found.stream().filter(o -> o.date().equals(date)).forEach(o -> shifts.add(o.toJson()));
      list.add(
          new JsonObject()
              .put("date", date.toString())
              .put("weekday", date.getDayOfWeek().getValue())
              .put("shifts", shifts));
    }
    return list;
  }

  private static JsonArray cells(LocalDate monday, List<Occurrence> working) {
    var cells = new JsonArray();
    for (int day = 0; day < 7; day++) {
      var date = monday.plusDays(day);
      for (int hour = 0; hour < 24; hour++) {
        var from = LocalTime.of(hour, 0);
        var to = hour == 23 ? LocalTime.MAX : LocalTime.of(hour + 1, 0);
        Set<Long> people = new HashSet<>();
        for (var o : working) {
          if (o.date().equals(date) && o.starts().isBefore(to) && o.ends().isAfter(from)) {
            people.add(o.operatorId());
          }
        }
        cells.add(
            new JsonObject()
                .put("weekday", date.getDayOfWeek().getValue())
                .put("hour", hour)
                .put("rostered", people.size()));
      }
    }
    return cells;
  }

  private static ApiException noShift() {
    return ApiException.notFound("There is no such shift.");
  }

  static ZoneId zoneOf(String timezone) {
    try {
      return ZoneId.of(timezone);
    } catch (DateTimeException e) {
      return ZoneId.of("UTC");
    }
  }
}
