package org.refdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.refdesk.support.Browser;
import org.refdesk.support.TestGateway;

@DisplayName("In a browser kept off WebSocket, the page's connector chats over the XHR transports")
class XhrFallbackBrowserTest {

  /**
   * Builds the page's own connector with an event bus whose SockJS may use only the XHR transports,
   * follows the chat, sends one message, and reports what came back and over which transport.
   */
  private static final String CHAT_OVER_XHR =
      """
      const [chatId, token, transports, done] = arguments;
      import('/shared/connector.js').then(({ createConnector }) => {
        const buses = [];
        class XhrOnly extends globalThis.EventBus {
          constructor(url, options) {
            super(url, Object.assign({}, options, { transports }));
            buses.push(this);
          }
        }
        const connector = createConnector({ token, EventBus: XhrOnly });
        const seqs = [];
        connector.followChat(chatId, { lastSeq: 0, onEvent: (event) => seqs.push(event.seq) });
        connector.sendMessage(chatId, 'Sent without WebSocket').done.then(
          (reply) => {
            const waitForEcho = () => seqs.includes(reply.seq)
              ? done({ seq: reply.seq, seqs, transport: buses[buses.length - 1].sockJSConn.transport })
              : setTimeout(waitForEcho, 50);
            waitForEcho();
          },
          (error) => done({ error: String(error) }));
      }, (error) => done({ error: String(error) }));
      """;

  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  @DisplayName("over xhr-streaming, and over xhr-polling when streaming is not allowed either")
  void bothXhrTransports() {
    for (var transports :
        List.of(List.of("xhr-streaming", "xhr-polling"), List.of("xhr-polling"))) {
      var chat = gateway.startChat("ask", "Lee", "Can I renew by chat?");
      long chatId = chat.getLong("chatId");
      try (var browser = Browser.open(360, 740)) {
        browser.go("http://127.0.0.1:" + gateway.port() + "/app/");
        @SuppressWarnings("unchecked")
        var result =
            (Map<String, Object>)
                ((JavascriptExecutor) browser.driver())
                    .executeAsyncScript(CHAT_OVER_XHR, chatId, chat.getString("token"), transports);
        assertEquals(null, result.get("error"), () -> transports + ": " + result);
        assertEquals(transports.get(0), result.get("transport"));
        assertEquals(2L, result.get("seq"));
        assertTrue(((List<?>) result.get("seqs")).containsAll(List.of(1L, 2L)), result::toString);
        assertEquals(List.of(), browser.consoleErrors(), transports.toString());
      }
      assertEquals(
          1,
          gateway.count(
              "SELECT count(*) FROM chat_events WHERE chat_id = $1 AND body = 'Sent without WebSocket'",
              chatId));
    }
  }
}
