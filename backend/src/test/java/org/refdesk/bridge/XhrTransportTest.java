package org.refdesk.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.chat.ChatAddresses;
import org.refdesk.support.TestGateway;
import org.refdesk.support.XhrBridgeClient;
import org.refdesk.support.XhrBridgeClient.Mode;

@DisplayName("A patron whose network blocks WebSocket chats over the XHR transports")
class XhrTransportTest {

  private static TestGateway gateway;
  private static String origin;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    origin = "http://127.0.0.1:" + gateway.port();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static JsonObject send(
      XhrBridgeClient client, long chatId, String token, String text, String clientMsgId) {
    var reply =
        client.request(
            ChatAddresses.CHAT_SEND,
            new JsonObject()
                .put("chatId", chatId)
                .put("text", text)
                .put("clientMsgId", clientMsgId),
            token);
    assertEquals("rec", reply.getString("type"), reply::encode);
    return reply.getJsonObject("body");
  }

  @Test
  @DisplayName(
      "over xhr-streaming a patron sends, is answered after the commit, and hears the chat's events")
  void streaming() {
    var chat = gateway.startChat("ask", "Sam", "Do you have old maps?");
    long chatId = chat.getLong("chatId");
    var token = chat.getString("token");
    try (var client =
        XhrBridgeClient.connect(gateway.vertx(), gateway.port(), origin, Mode.STREAMING)) {
      client.register("chat." + chatId, token);
      gateway.awaitRegistered(client, "chat." + chatId);
      var ack = send(client, chatId, token, "Of the harbour, please", "x-1");
      assertEquals(2, ack.getInteger("seq"));
      var event =
          client.next(
              "chat." + chatId,
              b -> "message".equals(b.getString("type")) && b.getInteger("seq") == 2,
              5000);
      assertEquals("Of the harbour, please", event.getJsonObject("body").getString("text"));
    }
    assertEquals(
        1,
        gateway.count("SELECT count(*) FROM chat_events WHERE chat_id = $1 AND seq = 2", chatId));
  }

  @Test
  @DisplayName(
      "over xhr-polling a patron resumes after a lost session: nothing lost, a resend stored once")
  void pollingResume() {
    var chat = gateway.startChat("ask", "Ana", "Opening hours on Sunday?");
    long chatId = chat.getLong("chatId");
    var token = chat.getString("token");
    try (var first =
        XhrBridgeClient.connect(gateway.vertx(), gateway.port(), origin, Mode.POLLING)) {
      first.register("chat." + chatId, token);
      assertEquals(2, send(first, chatId, token, "And on holidays?", "p-1").getInteger("seq"));
    }
    try (var second =
        XhrBridgeClient.connect(gateway.vertx(), gateway.port(), origin, Mode.POLLING)) {
      second.register("chat." + chatId, token);
      gateway.awaitRegistered(second, "chat." + chatId);
      // The first session's last send, repeated because its answer could have been lost: stored
      // once.
      assertEquals(2, send(second, chatId, token, "And on holidays?", "p-1").getInteger("seq"));
      assertEquals(3, send(second, chatId, token, "Thanks", "p-2").getInteger("seq"));
      second.next("chat." + chatId, b -> b.getInteger("seq", 0) == 3, 5000);
    }
    var events =
        gateway
            .get("/api/chats/" + chatId + "/events?after=1", token)
            .bodyAsJsonObject()
            .getJsonArray("events");
    List<String> texts =
        events.stream().map(e -> ((JsonObject) e).getString("text")).collect(Collectors.toList());
    assertEquals(List.of("And on holidays?", "Thanks"), texts);
  }

  @Test
  @DisplayName(
      "a POSTed frame over 64 KB is refused with a clear JSON error, with or without a length, and nothing is stored")
  void frameCap() {
    var chat = gateway.startChat("ask", "Kim", "A long one");
    long chatId = chat.getLong("chatId");
    var token = chat.getString("token");
    try (var client =
        XhrBridgeClient.connect(gateway.vertx(), gateway.port(), origin, Mode.STREAMING)) {
      var frame =
          new JsonObject()
              .put("type", "send")
              .put("address", ChatAddresses.CHAT_SEND)
              .put("headers", new JsonObject().put("token", token))
              .put("replyAddress", "r")
              .put(
                  "body",
                  new JsonObject()
                      .put("chatId", chatId)
                      .put("text", "a".repeat(70_000))
                      .put("clientMsgId", "big"));
      var answer = client.sendRaw(Buffer.buffer(new JsonArray().add(frame.encode()).encode()));
      assertEquals(413, answer.status(), answer.body());
      assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
      assertEquals(
          "payload_too_large",
          new JsonObject(answer.body()).getJsonObject("error").getString("code"));
      assertTrue(
          new JsonObject(answer.body())
              .getJsonObject("error")
              .getString("message")
              .contains("65536"),
          answer.body());

      // The same frame sent in chunks, without a Content-Length.
      // A connection per request: one answered 413 before its body was read is not reused.
      var http = gateway.vertx().createHttpClient(new HttpClientOptions().setKeepAlive(false));
      var chunked =
          TestGateway.await(
              http.request(
                      new RequestOptions()
                          .setMethod(HttpMethod.POST)
                          .setAbsoluteURI(
                              "http://127.0.0.1:"
                                  + gateway.port()
                                  + "/eventbus/111/chunkedsession/xhr_send")
                          .addHeader("Origin", origin))
                  .compose(
                      request -> {
                        request.setChunked(true);
                        var text = new JsonArray().add(frame.encode()).encode();
                        for (int i = 0; i < text.length(); i += 8192) {
                          request.write(text.substring(i, Math.min(text.length(), i + 8192)));
                        }
                        return request.end().compose(v -> request.response());
                      })
                  .compose(response -> response.body().map(b -> response.statusCode())));
      assertEquals(413, chunked);
      TestGateway.await(http.close());

      // The session is still usable after the refusal.
      client.register("chat." + chatId, token);
      assertEquals(
          2, send(client, chatId, token, "A short one instead", "small").getInteger("seq"));
    }
    assertEquals(
        0,
        gateway.count(
            "SELECT count(*) FROM chat_events WHERE chat_id = $1 AND client_msg_id = 'big'",
            chatId));
  }

  @Test
  @DisplayName(
      "a client that sends all of an oversized body before reading still hears the 413 (a bridge frame, an API call), and the connection is closed after it")
  void oversizedBodySentWhole() throws Exception {
    for (var path : List.of("/eventbus/222/wholesession/xhr_send", "/api/widget/chats")) {
      var response = postWholeThenRead(path, 800 * 1024);
      assertTrue(response.startsWith("HTTP/1.1 413"), path + ": " + response);
      assertTrue(response.contains("payload_too_large"), response);
      assertTrue(response.toLowerCase(Locale.ROOT).contains("connection: close"), response);
    }
  }

  /** A naive client: the whole body first, then the answer, read to the end of the connection. */
  private static String postWholeThenRead(String path, int length) throws Exception {
    // Far more than a connection's windows hold: left unread by the server, the upload would stall.
    var head =
        ("POST "
                + path
                + " HTTP/1.1\r\nHost: 127.0.0.1:"
                + gateway.port()
                + "\r\nOrigin: "
                + origin
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    return CompletableFuture.supplyAsync(
            () -> {
              try (var socket = new Socket("127.0.0.1", gateway.port())) {
                socket.setSoTimeout(20_000);
                var out = socket.getOutputStream();
                out.write(head);
                out.write(new byte[length]);
                out.flush();
                return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .get(30, TimeUnit.SECONDS);
  }
}
