package org.refdesk.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway's own meters beside the ones Vert.x reports (HTTP, event bus, pools, JVM), all in one
 * Prometheus registry per gateway, scraped at {@code /metrics}.
 */
public final class RefdeskMetrics {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicInteger patronSockets = new AtomicInteger();
  private final AtomicInteger operatorSockets = new AtomicInteger();
  private final AtomicInteger redisUp = new AtomicInteger(1);
  private final Map<String, AtomicInteger> waiting = new ConcurrentHashMap<>();
  private final Counter messagesIn;
  private final Counter messagesOut;
  private final Counter messagesStored;
  private final Timer ackLatency;
  private final Counter claimsWon;
  private final Counter claimsLost;
  private final Timer eventLoopDelay;

  public RefdeskMetrics() {
    Gauge.builder("refdesk.connections", patronSockets, AtomicInteger::get)
        .tag("kind", "patron")
        .description("Open bridge sockets that have proved a patron token")
        .register(registry);
    Gauge.builder("refdesk.connections", operatorSockets, AtomicInteger::get)
        .tag("kind", "operator")
        .description("Open bridge sockets that have proved an operator token")
        .register(registry);
    Gauge.builder("refdesk.redis.up", redisUp, AtomicInteger::get)
        .description("1 while Redis answers the queue checks, 0 while it does not")
        .register(registry);
    messagesIn =
        Counter.builder("refdesk.messages.in")
            .description("chat.send frames accepted by the bridge")
            .register(registry);
    messagesOut =
        Counter.builder("refdesk.messages.out")
            .description("Frames delivered to browsers")
            .register(registry);
    messagesStored =
        Counter.builder("refdesk.messages.stored")
            .description("Messages committed (repeats not counted)")
            .register(registry);
    ackLatency =
        Timer.builder("refdesk.ack.latency")
            .description("From a chat.send reaching the writer to its reply after commit")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofNanos(100_000))
            .maximumExpectedValue(Duration.ofSeconds(5))
            .register(registry);
    claimsWon = Counter.builder("refdesk.claims").tag("outcome", "won").register(registry);
    claimsLost = Counter.builder("refdesk.claims").tag("outcome", "conflict").register(registry);
    eventLoopDelay =
        Timer.builder("refdesk.eventloop.delay")
            .description(
                "How late a periodic timer fires on each event loop: work queued behind other work")
            .publishPercentileHistogram()
            .register(registry);
  }

  /**
   * For {@code Vertx.builder().withMetrics(...)}: Vert.x's own meters go into the same registry,
   * the HTTP server's made safe for connections accepted before they existed.
   */
  public VertxMetricsFactory vertxMetricsFactory() {
    return new SafeMetricsFactory(new MicrometerMetricsFactory(registry));
  }

  public static MicrometerMetricsOptions vertxMetricsOptions() {
    return new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public void socketOpened(boolean patron) {
    (patron ? patronSockets : operatorSockets).incrementAndGet();
  }

  public void socketClosed(boolean patron) {
    (patron ? patronSockets : operatorSockets).decrementAndGet();
  }

  public void messageIn() {
    messagesIn.increment();
  }

  public void messageOut() {
    messagesOut.increment();
  }

  public void messageStored(long nanosSinceArrival) {
    messagesStored.increment();
    ackLatency.record(nanosSinceArrival, TimeUnit.NANOSECONDS);
  }

  public void repeatAnswered(long nanosSinceArrival) {
    ackLatency.record(nanosSinceArrival, TimeUnit.NANOSECONDS);
  }

  public void claim(boolean won) {
    (won ? claimsWon : claimsLost).increment();
  }

  public void eventLoopLate(long nanos) {
    eventLoopDelay.record(Math.max(0, nanos), TimeUnit.NANOSECONDS);
  }

  public void redisUp(boolean up) {
    redisUp.set(up ? 1 : 0);
  }

  public void waiting(String queueSlug, int count) {
    waiting
        .computeIfAbsent(
            queueSlug,
            slug -> {
              var value = new AtomicInteger();
              Gauge.builder("refdesk.queue.waiting", value, AtomicInteger::get)
                  .tag("queue", slug)
                  .description("Chats waiting in the queue")
                  .register(registry);
              return value;
            })
        .set(count);
  }
}
