package org.refdesk.support;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * An event-bus bridge client that speaks SockJS over plain HTTP, as a browser on a network that
 * blocks WebSocket does: frames come down one long response ({@code xhr_streaming}) or one response
 * per poll ({@code xhr}), and go up as POSTed JSON arrays ({@code xhr_send}). Test threads block on
 * it; it never blocks an event loop.
 */
public final class XhrBridgeClient implements AutoCloseable, Probes.Listener {

  /** The two receiving transports a browser falls back to, in the order SockJS tries them. */
  public enum Mode {
    STREAMING("xhr_streaming"),
    POLLING("xhr");

    private final String path;

    Mode(String path) {
      this.path = path;
    }
  }

  private final HttpClient http;
  private final String base;
  private final String origin;
  private final Mode mode;
  private final FrameInbox inbox = new FrameInbox();
  private final StringBuilder partial = new StringBuilder();

  /** Completed by the open frame; failed when the session ends before it. */
  private final Promise<Void> opened = Promise.promise();

  private volatile boolean closed;

  private XhrBridgeClient(Vertx vertx, int port, String origin, Mode mode) {
    // A connection per request: one answered 413 before its body was read is not reused.
    this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
    this.origin = origin;
    this.mode = mode;
    // /eventbus/<server>/<session>/: the session id is the client's to choose.
    this.base =
        "http://127.0.0.1:"
            + port
            + "/eventbus/"
            + (100 + (int) (Math.random() * 800))
            + "/"
            + UUID.randomUUID().toString().replace("-", "")
            + "/";
  }

  /** Opens a session and waits for its open frame. */
  public static XhrBridgeClient connect(Vertx vertx, int port, String origin, Mode mode) {
    var client = new XhrBridgeClient(vertx, port, origin, mode);
    client.receive();
    try {
      client.opened.future().await(30, TimeUnit.SECONDS);
    } catch (TimeoutException | RuntimeException e) {
      throw new AssertionError("the " + mode.path + " session did not open", e);
    }
    return client;
  }

  private RequestOptions post(String path) {
    var options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(base + path);
    if (origin != null) {
      options.addHeader("Origin", origin);
    }
    return options;
  }

  private void receive() {
    if (closed) {
      return;
    }
    http.request(post(mode.path))
        .compose(request -> request.send())
        .onSuccess(this::read)
        .onFailure(failure -> ended());
  }

  private void read(HttpClientResponse response) {
    if (response.statusCode() != 200) {
      ended();
      return;
    }
    response.handler(this::chunk);
    response.endHandler(
        v -> {
          if (mode == Mode.POLLING) {
            receive();
          } else {
            ended();
          }
        });
  }

  private void ended() {
    closed = true;
    opened.tryFail("the session ended");
  }

  /**
   * SockJS frames end with a newline: o (open), h (heartbeat), a[...] (messages), c[...] (close).
   * Runs on the client's event loop only, one response at a time, so it needs no lock.
   */
  private void chunk(Buffer data) {
    partial.append(data.toString());
    int end;
    while ((end = partial.indexOf("\n")) >= 0) {
      var frame = partial.substring(0, end);
      partial.delete(0, end + 1);
      if (frame.equals("o")) {
        opened.tryComplete();
      } else if (frame.startsWith("a")) {
        new JsonArray(frame.substring(1)).forEach(text -> inbox.add(new JsonObject((String) text)));
      } else if (frame.startsWith("c")) {
        ended();
      }
    }
  }

  /** POSTs frames as xhr_send does; answers the HTTP status and body. */
  public XhrAnswer sendRaw(Buffer body) {
    var response =
        TestGateway.await(
            http.request(post("xhr_send"))
                .compose(
                    request ->
                        request.putHeader("Content-Type", "text/plain;charset=UTF-8").send(body))
                .compose(
                    r ->
                        r.body()
                            .map(
                                b ->
                                    new XhrAnswer(
                                        r.statusCode(),
                                        r.getHeader("Content-Type"),
                                        b.toString()))));
    return response;
  }

  public record XhrAnswer(int status, String contentType, String body) {}

  public void frame(JsonObject frame) {
    var answer = sendRaw(Buffer.buffer(new JsonArray().add(frame.encode()).encode()));
    if (answer.status() != 204) {
      throw new AssertionError("xhr_send answered " + answer.status() + ": " + answer.body());
    }
  }

  public void register(String address, String token) {
    frame(
        new JsonObject()
            .put("type", "register")
            .put("address", address)
            .put("headers", new JsonObject().put("token", token)));
  }

  /** Sends and waits for the reply frame. */
  public JsonObject request(String address, JsonObject body, String token) {
    var replyAddress = UUID.randomUUID().toString();
    frame(
        new JsonObject()
            .put("type", "send")
            .put("address", address)
            .put("body", body)
            .put("headers", new JsonObject().put("token", token))
            .put("replyAddress", replyAddress));
    return inbox.take(f -> replyAddress.equals(f.getString("address")), 10_000);
  }

  /** The next frame on an address whose body matches, within the time given. */
  public JsonObject next(String address, Predicate<JsonObject> body, long timeoutMs) {
    return inbox.take(FrameInbox.on(address, body), timeoutMs);
  }

  @Override
  public boolean probed(String address, long waitMs) {
    return inbox.probed(address, waitMs);
  }

  @Override
  public void close() {
    closed = true;
    TestGateway.await(http.close());
  }
}
