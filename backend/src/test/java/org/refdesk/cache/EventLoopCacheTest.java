package org.refdesk.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.platform.cache.EventLoopCache;

@DisplayName("A cache owned by one event loop")
class EventLoopCacheTest {

  /** A loader whose answers the test gives by hand, counting what it was asked. */
  private static final class Loader {
    final List<String> asked = new ArrayList<>();
    final List<Promise<Optional<String>>> pending = new ArrayList<>();

    Future<Optional<String>> load(String key) {
      asked.add(key);
      Promise<Optional<String>> promise = Promise.promise();
      pending.add(promise);
      return promise.future();
    }

    void answer(String value) {
      pending.remove(0).complete(Optional.ofNullable(value));
    }
  }

  private final long[] now = {0};
  private final Loader loader = new Loader();

  private EventLoopCache<String, String> cache(int capacity) {
    return new EventLoopCache<>(capacity, 30, TimeUnit.SECONDS, loader::load, () -> now[0]);
  }

  @Test
  @DisplayName("a found value is loaded once, then answered from memory")
  void loadsOnce() {
    var cache = cache(10);
    var first = cache.get("ada");
    loader.answer("Ada");
    assertEquals(Optional.of("Ada"), first.result());
    assertEquals(Optional.of("Ada"), cache.get("ada").result());
    assertEquals(List.of("ada"), loader.asked);
  }

  @Test
  @DisplayName("requests for a key that is being loaded share that one load")
  void sharesALoad() {
    var cache = cache(10);
    var first = cache.get("ada");
    var second = cache.get("ada");
    assertSame(first, second);
    loader.answer("Ada");
    assertEquals(Optional.of("Ada"), second.result());
    assertEquals(1, loader.asked.size());
  }

  @Test
  @DisplayName("an entry older than its time to live is loaded again")
  void expires() {
    var cache = cache(10);
    cache.get("ada");
    loader.answer("Ada");
    now[0] += TimeUnit.SECONDS.toNanos(29);
    assertTrue(cache.get("ada").isComplete(), "still fresh after 29 s");
    now[0] += TimeUnit.SECONDS.toNanos(2);
    var again = cache.get("ada");
    assertFalse(again.isComplete(), "asked again after 31 s");
    loader.answer("Ada Lovelace");
    assertEquals(Optional.of("Ada Lovelace"), again.result());
    assertEquals(List.of("ada", "ada"), loader.asked);
  }

  @Test
  @DisplayName("when it is full, the entry used least recently goes first")
  void boundedByUse() {
    var cache = cache(2);
    cache.get("a");
    loader.answer("A");
    cache.get("b");
    loader.answer("B");
    cache.get("a");
    cache.get("c");
    loader.answer("C");
    assertTrue(cache.get("a").isComplete(), "a was used after b");
    assertFalse(cache.get("b").isComplete(), "b went to make room for c");
  }

  @Test
  @DisplayName("a key forgotten while it loads keeps that load's answer out of memory")
  void forgetDuringLoad() {
    var cache = cache(10);
    var before = cache.get("ada");
    cache.forget("ada");
    var after = cache.get("ada");
    loader.answer("enabled, as read before the change");
    loader.answer(null);
    assertEquals(Optional.of("enabled, as read before the change"), before.result());
    assertEquals(Optional.empty(), after.result());
    assertFalse(cache.get("ada").isComplete(), "nothing was kept: the next request asks again");
  }

  @Test
  @DisplayName("forgetting drops a remembered value, and putting one replaces it")
  void forgetAndPut() {
    var cache = cache(10);
    cache.get("ada");
    loader.answer("Ada");
    cache.forget("ada");
    assertFalse(cache.get("ada").isComplete());
    loader.answer("Ada");
    cache.put("ada", "Countess");
    assertEquals(Optional.of("Countess"), cache.get("ada").result());
  }

  @Test
  @DisplayName("nothing is remembered of an absent value or a failed load")
  void absentAndFailedAreAskedAgain() {
    var cache =
        new EventLoopCache<String, String>(
            10,
            30,
            TimeUnit.SECONDS,
            key ->
                key.equals("broken")
                    ? Future.failedFuture("down")
                    : Future.succeededFuture(Optional.empty()),
            () -> now[0]);
    assertTrue(cache.get("broken").failed());
    assertTrue(cache.get("broken").failed());
    assertEquals(Optional.empty(), cache.get("nobody").result());
    var counting = cache(10);
    counting.get("nobody");
    loader.answer(null);
    counting.get("nobody");
    assertEquals(List.of("nobody", "nobody"), loader.asked);
  }
}
