package org.refdesk.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Drives senders open-loop (a fixed offered rate) or closed-loop (saturation) and records ack
 * latency.
 */
final class Load {

  /** One simulated person in one chat: their socket, token and chat. */
  record Sender(BusClient client, String token, long chatId, String idPrefix) {}

  /**
   * What a run measured; {@code acked} maps chat id to client message id to the seq it was given.
   */
  record Run(
      long sent,
      long acked,
      long failed,
      double seconds,
      Histogram latency,
      Map<Long, Map<String, Integer>> ackedSeqs) {

    double perSecond() {
      return acked / seconds;
    }

    JsonObject toJson() {
      return new JsonObject()
          .put("sent", sent)
          .put("acked", acked)
          .put("failed", failed)
          .put("seconds", seconds)
          .put("ackedPerSecond", Math.round(perSecond()))
          .put("p50ms", ms(latency.getValueAtPercentile(50)))
          .put("p99ms", ms(latency.getValueAtPercentile(99)))
          .put("p999ms", ms(latency.getValueAtPercentile(99.9)))
          .put("maxMs", ms(latency.getMaxValue()));
    }

    private static double ms(long nanos) {
      return Math.round(nanos / 10_000.0) / 100.0;
    }
  }

  private final Vertx vertx;
  private final AtomicLong counter = new AtomicLong();

  Load(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Sends {@code rate} messages a second, spread over the senders, for the given seconds. */
  Run openLoop(List<Sender> senders, int rate, int seconds) {
    var state = new State();
    var done = Promise.<Void>promise();
    long tickMs = 10;
    double perTick = rate * tickMs / 1000.0;
    var carry = new double[1];
    var next = new int[1];
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    vertx.setPeriodic(
        tickMs,
        timer -> {
          if (System.nanoTime() >= end) {
            vertx.cancelTimer(timer);
            state.whenIdle(done);
            return;
          }
          carry[0] += perTick;
          while (carry[0] >= 1) {
            carry[0] -= 1;
            send(senders.get(next[0]++ % senders.size()), state);
          }
        });
    Bench.await(done.future());
    return state.run(System.nanoTime() - start);
  }

  /**
   * Every sender keeps {@code inFlight} messages outstanding for the given seconds: the ceiling.
   */
  Run closedLoop(List<Sender> senders, int inFlight, int seconds) {
    var state = new State();
    var done = Promise.<Void>promise();
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    for (var sender : senders) {
      for (int i = 0; i < inFlight; i++) {
        keepSending(sender, state, end);
      }
    }
    vertx.setTimer(TimeUnit.NANOSECONDS.toMillis(end - start), t -> state.whenIdle(done));
    Bench.await(done.future());
    return state.run(System.nanoTime() - start);
  }

  private void keepSending(Sender sender, State state, long end) {
    if (System.nanoTime() >= end) {
      return;
    }
    send(sender, state).onComplete(r -> keepSending(sender, state, end));
  }

  private Future<JsonObject> send(Sender sender, State state) {
    var clientMsgId = sender.idPrefix() + "-" + counter.incrementAndGet();
    long sentAt = System.nanoTime();
    state.sent.incrementAndGet();
    state.outstanding.incrementAndGet();
    return sender
        .client()
        .request(
            "chat.send",
            new JsonObject()
                .put("chatId", sender.chatId())
                .put("text", "benchmark message " + clientMsgId)
                .put("clientMsgId", clientMsgId),
            sender.token())
        .onComplete(
            reply -> {
              if (reply.succeeded()) {
                state.latency.recordValue(System.nanoTime() - sentAt);
                state.acked.incrementAndGet();
                var seq = reply.result().getValue("seq");
                if (seq instanceof Number n) {
                  state
                      .ackedSeqs
                      .computeIfAbsent(sender.chatId(), id -> new ConcurrentHashMap<>())
                      .put(clientMsgId, n.intValue());
                }
              } else {
                state.failed.incrementAndGet();
              }
              state.outstanding.decrementAndGet();
            });
  }

  /** Counters shared by the event loops the sockets run on. */
  private final class State {
    final AtomicLong sent = new AtomicLong();
    final AtomicLong acked = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong outstanding = new AtomicLong();
    final ConcurrentHistogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3);
    final Map<Long, Map<String, Integer>> ackedSeqs = new ConcurrentHashMap<>();

    /** Waits (at most 30 s) for the replies still on their way, so every send is counted. */
    void whenIdle(Promise<Void> done) {
      long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      vertx.setPeriodic(
          20,
          t -> {
            if (outstanding.get() == 0 || System.nanoTime() > giveUp) {
              vertx.cancelTimer(t);
              done.tryComplete();
            }
          });
    }

    Run run(long nanos) {
      return new Run(sent.get(), acked.get(), failed.get(), nanos / 1e9, latency, ackedSeqs);
    }
  }
}
