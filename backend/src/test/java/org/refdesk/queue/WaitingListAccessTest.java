package org.refdesk.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.ext.web.client.HttpResponse;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.SecondLibrary;
import org.refdesk.support.TestGateway;

@DisplayName("A queue's waiting patrons are shown only to the operators who monitor it")
class WaitingListAccessTest {

  private static TestGateway gateway;
  private static SecondLibrary riverside;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    riverside = SecondLibrary.create(gateway);
    gateway.startChat("science", "Sol", "Is the telescope lab open?");
    gateway.startChat(riverside.queueSlug(), "Rae", "Do you lend museum passes?");
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static String code(HttpResponse<?> response) {
    return response.bodyAsJsonObject().getJsonObject("error").getString("code");
  }

  @Test
  @DisplayName("an operator who monitors the queue sees its waiting patrons")
  void monitorSees() {
    var response =
        gateway.get(
            "/api/queues/" + gateway.queueId("science") + "/waiting",
            gateway.librarianToken("ben"));
    assertEquals(200, response.statusCode(), response::bodyAsString);
    var chats = response.bodyAsJsonObject().getJsonArray("chats");
    assertEquals(1, chats.size());
    assertEquals("Sol", chats.getJsonObject(0).getString("patronName"));
  }

  @Test
  @DisplayName(
      "an operator of the library who does not monitor the queue is refused with 403 and no patron data")
  void nonMonitorRefused() {
    var response =
        gateway.get(
            "/api/queues/" + gateway.queueId("science") + "/waiting",
            gateway.librarianToken("alice"));
    assertEquals(403, response.statusCode(), response::bodyAsString);
    assertEquals("forbidden", code(response));
    assertFalse(response.bodyAsString().contains("telescope"));
  }

  @Test
  @DisplayName(
      "another library's queue is answered as if it did not exist, even to that library's admin")
  void otherLibraryIsNotFound() {
    for (var token : new String[] {gateway.librarianToken("ben"), gateway.adminToken()}) {
      var response = gateway.get("/api/queues/" + riverside.queueId() + "/waiting", token);
      assertEquals(404, response.statusCode(), response::bodyAsString);
      assertFalse(response.bodyAsString().contains("museum"));
    }
    var own =
        gateway.get("/api/queues/" + riverside.queueId() + "/waiting", riverside.token(gateway));
    assertEquals(200, own.statusCode(), own::bodyAsString);
    assertEquals(
        "Rae",
        own.bodyAsJsonObject().getJsonArray("chats").getJsonObject(0).getString("patronName"));
  }

  @Test
  @DisplayName("an unknown queue id is 404, not an empty list")
  void unknownQueue() {
    var response = gateway.get("/api/queues/987654/waiting", gateway.librarianToken("ben"));
    assertEquals(404, response.statusCode(), response::bodyAsString);
    assertEquals("unknown_queue", code(response));
  }

  @Test
  @DisplayName(
      "a chat Redis lists in a queue is shown only if Postgres has it waiting in that queue and library")
  void redisListIsOnlyAHint() {
    long riversideChat =
        gateway.query("SELECT id FROM chats WHERE patron_name = 'Rae'").get(0).getLong(0);
    long science = gateway.queueId("science");
    TestGateway.await(
        gateway
            .redis()
            .send(
                Request.cmd(Command.ZADD)
                    .arg(gateway.redisPrefix() + "queue:" + science + ":waiting")
                    .arg(0)
                    .arg(riversideChat)));
    var response =
        gateway.get("/api/queues/" + science + "/waiting", gateway.librarianToken("ben"));
    assertEquals(200, response.statusCode());
    assertFalse(response.bodyAsString().contains("museum"), response::bodyAsString);
  }
}
