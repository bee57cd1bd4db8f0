package org.refdesk.platform.cache;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A bounded, expiring cache owned by one event loop, in front of a loader that answers with a
 * future. It takes no locks: every call comes from the event loop of the verticle instance that
 * made it, which is also where the loader's futures complete. Requests for a key that is being
 * loaded share that load, so a burst for one key costs one load. Only found values are kept; an
 * absent one is asked again.
 */
public final class EventLoopCache<K, V> {

  private final int capacity;
  private final long ttlNanos;
  private final Function<K, Future<Optional<V>>> loader;
  private final LongSupplier nanoClock;
  private final Map<K, Entry<V>> entries;
  private final Map<K, Future<Optional<V>>> loading = new HashMap<>();

  public EventLoopCache(
      int capacity, long ttl, TimeUnit unit, Function<K, Future<Optional<V>>> loader) {
    this(capacity, ttl, unit, loader, System::nanoTime);
  }

  /** With a clock of its own, so that tests can let entries expire without waiting. */
  public EventLoopCache(
      int capacity,
      long ttl,
      TimeUnit unit,
      Function<K, Future<Optional<V>>> loader,
      LongSupplier nanoClock) {
    this.capacity = capacity;
    this.ttlNanos = unit.toNanos(ttl);
    this.loader = loader;
    this.nanoClock = nanoClock;
    // Access order: the entry used least recently goes first when the cache is full.
    this.entries =
        new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
            return size() > EventLoopCache.this.capacity;
          }
        };
  }

  /**
   * The value from memory while it is fresh; otherwise from the loader (one load per key at a
   * time).
   */
  public Future<Optional<V>> get(K key) {
    var entry = entries.get(key);
    if (entry != null) {
      if (entry.expiresAt() - nanoClock.getAsLong() > 0) {
        return Future.succeededFuture(Optional.of(entry.value()));
      }
      entries.remove(key);
    }
    var pending = loading.get(key);
    if (pending != null) {
      return pending;
    }
    var load = loader.apply(key);
    loading.put(key, load);
    load.onComplete(
        done -> {
          // A load that was forgotten meanwhile may hold what the forgetting was about: it is not
          // kept.
          if (loading.remove(key, load) && done.succeeded() && done.result().isPresent()) {
            put(key, done.result().get());
          }
        });
    return load;
  }

  /**
   * What is in memory for the key, without waiting: a value past its expiry is still answered (and
   * loaded again in the background), and a key not in memory answers empty and starts a load.
   */
  public Optional<V> peek(K key) {
    var entry = entries.get(key);
    if (entry == null || entry.expiresAt() - nanoClock.getAsLong() <= 0) {
      var stale = entry == null ? Optional.<V>empty() : Optional.of(entry.value());
      if (!loading.containsKey(key)) {
        var load = loader.apply(key);
        loading.put(key, load);
        load.onComplete(
            done -> {
              if (loading.remove(key, load) && done.succeeded() && done.result().isPresent()) {
                put(key, done.result().get());
              }
            });
      }
      return stale;
    }
    return Optional.of(entry.value());
  }

  /** Replaces what is known about the key, for a change this node learned of itself. */
  public void put(K key, V value) {
    entries.put(key, new Entry<>(value, nanoClock.getAsLong() + ttlNanos));
  }

  /** Drops the key, and the result of any load of it already under way. */
  public void forget(K key) {
    entries.remove(key);
    loading.remove(key);
  }

  private record Entry<V>(V value, long expiresAt) {}
}
