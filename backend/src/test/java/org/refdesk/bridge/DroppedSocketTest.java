package org.refdesk.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.TestGateway;

/**
 * A browser that vanishes (a closed laptop, a train in a tunnel) resets its socket instead of
 * closing it. That is the ordinary life of a widget, and a desk with hundreds of patrons must not
 * fill its log with an error and a stack trace for each.
 */
@DisplayName("A socket reset by its browser is closed quietly")
class DroppedSocketTest {

  private static TestGateway gateway;
  private static final Logger VERTX_BRIDGE =
      Logger.getLogger("io.vertx.ext.web.handler.sockjs.impl.EventBusBridgeImpl");
  private static final List<LogRecord> errors = new CopyOnWriteArrayList<>();
  private static final Handler COLLECT =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            errors.add(record);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    VERTX_BRIDGE.addHandler(COLLECT);
  }

  @AfterAll
  static void stop() {
    VERTX_BRIDGE.removeHandler(COLLECT);
    gateway.close();
  }

  @Test
  @DisplayName("a reset patron socket is counted closed with no error logged")
  void resetIsQuiet() throws Exception {
    var chat = gateway.startChat("ask", "Sam", "Are you open on Sunday?");
    var register =
        new JsonObject()
            .put("type", "register")
            .put("address", "chat." + chat.getLong("chatId"))
            .put("headers", new JsonObject().put("token", chat.getString("token")));
    try (var socket = new Socket("127.0.0.1", gateway.port())) {
      upgrade(socket);
      socket.getOutputStream().write(maskedTextFrame(register.encode()));
      gateway.eventually("the patron socket is counted", () -> patronSockets() == 1, 5000);
      // SO_LINGER 0: close sends a reset, as a vanished browser's network does.
      socket.setSoLinger(true, 0);
    }
    gateway.eventually("the reset socket is counted closed", () -> patronSockets() == 0, 5000);
    assertTrue(
        errors.isEmpty(),
        () -> "logged: " + errors.stream().map(r -> r.getMessage() + " " + r.getThrown()).toList());
  }

  private static int patronSockets() {
    var metrics = gateway.get("/metrics", null).bodyAsString();
    var line =
        metrics
            .lines()
            .filter(l -> l.startsWith("refdesk_connections{kind=\"patron\"}"))
            .findFirst()
            .orElse("x 0");
    return (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }

  private static void upgrade(Socket socket) throws IOException {
    var request =
        "GET /eventbus/websocket HTTP/1.1\r\nHost: 127.0.0.1:"
            + gateway.port()
            + "\r\n"
            + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Sec-WebSocket-Version: 13\r\n\r\n";
    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    var head = readHead(socket.getInputStream());
    assertEquals("HTTP/1.1 101", head.substring(0, 12), head);
  }

  private static String readHead(InputStream in) throws IOException {
    var bytes = new ByteArrayOutputStream();
    while (!bytes.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      bytes.write(b);
    }
    return bytes.toString(StandardCharsets.US_ASCII);
  }

  /**
   * A client's text frame: clients must mask what they send (RFC 6455 5.3); short payloads only.
   */
  private static byte[] maskedTextFrame(String text) {
    var payload = text.getBytes(StandardCharsets.UTF_8);
    assertTrue(payload.length < 65_536);
    var frame = new ByteArrayOutputStream();
    frame.write(0x81);
    if (payload.length < 126) {
      frame.write(0x80 | payload.length);
    } else {
      frame.write(0x80 | 126);
      frame.write(payload.length >> 8);
      frame.write(payload.length & 0xff);
    }
    byte[] mask = {0x12, 0x34, 0x56, 0x78};
    frame.writeBytes(mask);
    for (int i = 0; i < payload.length; i++) {
      frame.write(payload[i] ^ mask[i % 4]);
    }
    return frame.toByteArray();
  }
}
