package org.refdesk.support;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The bridge frames a test client has received, and the one way to wait for them, shared by the
 * WebSocket and the XHR clients. A waiting test thread wakes when a frame arrives, never on a
 * timer; the time given only bounds a wait for something that does not come. A test on
 * VertxTestContext asks for a future instead, completed by the frame itself. Frames a wait passed
 * over stay for later waits, in arrival order.
 */
final class FrameInbox {

  private record Waiter(Predicate<JsonObject> wanted, Promise<JsonObject> frame) {}

  /** Guarded by this. */
  private final List<JsonObject> frames = new ArrayList<>();

  /** Guarded by this. */
  private final List<Waiter> waiters = new ArrayList<>();

  /**
   * Called on the client's event loop: the frame goes to the first future waiting for it, or is
   * kept.
   */
  void add(JsonObject frame) {
    Waiter served = null;
    synchronized (this) {
      for (var it = waiters.iterator(); it.hasNext(); ) {
        var waiter = it.next();
        if (waiter.wanted().test(frame)) {
          it.remove();
          served = waiter;
          break;
        }
      }
      if (served == null) {
        frames.add(frame);
        notifyAll();
      }
    }
    // Outside the lock: what the test chained on the future runs now, on this event loop.
    if (served != null) {
      served.frame().complete(frame);
    }
  }

  /**
   * The first frame, received or still to come, that matches; the test's context bounds the wait.
   */
  Future<JsonObject> next(Predicate<JsonObject> wanted) {
    synchronized (this) {
      for (var it = frames.iterator(); it.hasNext(); ) {
        var frame = it.next();
        if (wanted.test(frame)) {
          it.remove();
          return Future.succeededFuture(frame);
        }
      }
      var waiter = new Waiter(wanted, Promise.promise());
      waiters.add(waiter);
      return waiter.frame().future();
    }
  }

  /**
   * Takes the first frame, received or still to come, that matches; fails the test after the time
   * given.
   */
  synchronized JsonObject take(Predicate<JsonObject> wanted, long timeoutMs) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    while (true) {
      for (var it = frames.iterator(); it.hasNext(); ) {
        var frame = it.next();
        if (wanted.test(frame)) {
          it.remove();
          return frame;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "no matching frame within "
                + timeoutMs
                + " ms; seen: "
                + frames.stream().filter(f -> !isProbe(f)).toList());
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted");
      }
    }
  }

  /**
   * The first frame already received that matches, or null; it does not wait. Asked after a marker
   * that must arrive behind the frame in question, it tells that the frame never came.
   */
  synchronized JsonObject received(Predicate<JsonObject> wanted) {
    return frames.stream().filter(wanted).findFirst().orElse(null);
  }

  /** True when a probe (see {@link Probes}) arrived on the address within the time given. */
  boolean probed(String address, long waitMs) {
    try {
      take(f -> address.equals(f.getString("address")) && isProbe(f), waitMs);
      return true;
    } catch (AssertionError timeout) {
      return false;
    }
  }

  /** A frame on the address, other than a probe, whose body matches. */
  static Predicate<JsonObject> on(String address, Predicate<JsonObject> body) {
    return f ->
        address.equals(f.getString("address"))
            && f.getValue("body") instanceof JsonObject b
            && !isProbe(f)
            && body.test(b);
  }

  static boolean isProbe(JsonObject frame) {
    return frame.getValue("body") instanceof JsonObject body
        && Probes.PROBE.equals(body.getString("type"));
  }
}
