package org.refdesk.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.TestGateway;

@DisplayName(
    "A request that arrives while the gateway starts gets an answer or a refused connection")
class StartupTest {

  private static final long ANSWER_TIMEOUT_MS = 15_000;
  private static final int IN_FLIGHT = 4;
  private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/1\\.1 (\\d{3}) ");
  private static final String PLAIN =
      "GET /ready HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  // What an HTTP/2 cleartext client sends first: an HTTP/1.1 request asking to upgrade.
  private static final String H2C_UPGRADE =
      "GET /ready HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA\r\n\r\n";

  /** What became of one connection attempt. */
  private record Outcome(boolean refused, boolean upgrade, int status, String detail) {}

  @Test
  @DisplayName(
      "probes from before the port opens, plain and h2c-upgrade alike, are all answered over HTTP/1.1")
  void probedFromTheFirstMoment() {
    var client = Vertx.vertx();
    int port = TestGateway.freePort();
    var net = client.createNetClient(new NetClientOptions().setConnectTimeout(2000));
    var outcomes = new ConcurrentLinkedQueue<Outcome>();
    var inFlight = new AtomicInteger();
    var started = new AtomicBoolean();
    var answeredAfterStart = new AtomicInteger();
    var attempts = new AtomicInteger();
    var done = Promise.<Void>promise();
    // Every millisecond, keep a few attempts under way until the started gateway has answered
    // plenty.
    client.setPeriodic(
        1,
        id -> {
          if (started.get() && answeredAfterStart.get() >= 20) {
            client.cancelTimer(id);
            whenIdle(client, inFlight, done);
            return;
          }
          while (inFlight.get() < IN_FLIGHT) {
            inFlight.incrementAndGet();
            boolean upgrade = attempts.incrementAndGet() % 2 == 0;
            probe(client, net, port, upgrade)
                .onComplete(
                    outcome -> {
                      outcomes.add(outcome.result());
                      if (started.get() && !outcome.result().refused()) {
                        answeredAfterStart.incrementAndGet();
                      }
                      inFlight.decrementAndGet();
                    });
          }
        });
    try (var gateway = TestGateway.start(Map.of("REFDESK_HTTP_PORT", Integer.toString(port)))) {
      started.set(true);
      TestGateway.await(done.future().timeout(ANSWER_TIMEOUT_MS * 2, TimeUnit.MILLISECONDS));
      assertEquals(200, gateway.get("/ready", null).statusCode());
    } finally {
      TestGateway.await(client.close());
    }
    List<Outcome> unanswered = new ArrayList<>();
    int answered = 0;
    int refused = 0;
    for (var outcome : outcomes) {
      if (outcome.refused()) {
        refused++;
        continue;
      }
      answered++;
      if (outcome.status() == 0 || outcome.status() == 101) {
        unanswered.add(outcome);
      }
    }
    assertTrue(refused > 0, "the probes began before the port opened");
    assertTrue(answered >= 20, "the probes reached the started gateway");
    assertEquals(
        List.of(),
        unanswered,
        "every accepted connection got an HTTP/1.1 answer (h2c is not offered)");
  }

  private static void whenIdle(Vertx vertx, AtomicInteger inFlight, Promise<Void> done) {
    vertx.setPeriodic(
        5,
        id -> {
          if (inFlight.get() == 0) {
            vertx.cancelTimer(id);
            done.tryComplete();
          }
        });
  }

  /** Connects, sends one request and reads up to the status line; a refused connection is fine. */
  private static Future<Outcome> probe(Vertx vertx, NetClient net, int port, boolean upgrade) {
    return net.connect(port, "127.0.0.1")
        .compose(
            socket -> {
              var promise = Promise.<Outcome>promise();
              var received = Buffer.buffer();
              long timer =
                  vertx.setTimer(
                      ANSWER_TIMEOUT_MS,
                      t -> {
                        promise.tryComplete(
                            new Outcome(
                                false,
                                upgrade,
                                0,
                                "no answer within " + ANSWER_TIMEOUT_MS + " ms"));
                        socket.close();
                      });
              socket.handler(
                  data -> {
                    received.appendBuffer(data);
                    var text = received.toString();
                    if (text.contains("\r\n")) {
                      vertx.cancelTimer(timer);
                      var matcher = STATUS_LINE.matcher(text);
                      promise.tryComplete(
                          new Outcome(
                              false,
                              upgrade,
                              matcher.find() ? Integer.parseInt(matcher.group(1)) : 0,
                              text.substring(0, text.indexOf("\r\n"))));
                      socket.close();
                    }
                  });
              socket.closeHandler(
                  v -> {
                    vertx.cancelTimer(timer);
                    promise.tryComplete(new Outcome(false, upgrade, 0, "closed without an answer"));
                  });
              socket.write(upgrade ? H2C_UPGRADE : PLAIN);
              return promise.future();
            })
        .otherwise(refused -> new Outcome(true, upgrade, 0, refused.getMessage()));
  }
}
