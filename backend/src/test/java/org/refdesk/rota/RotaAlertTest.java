package org.refdesk.rota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.FastShift;
import org.refdesk.support.TestGateway;

@DisplayName("Empty-shift alert: a rostered shift with nobody online is told to the admins, once")
class RotaAlertTest {

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  private static TestGateway gateway;
  private static String admin;
  private static String alerts;

  @BeforeAll
  static void start() {
    // The sweep runs every 200 ms and a shift counts as empty from its first minute.
    gateway = FastShift.start(30, new JsonObject().put("emptyShiftAlertMinutes", 0));
    admin = gateway.adminToken();
    alerts = "alerts." + gateway.demoLibraryId();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  /**
   * A shift of the operator on the queue today (the demo library keeps UTC) that began minutes ago.
   */
  private static void rosterNow(String username, String queue) {
    var now = LocalTime.now(ZoneOffset.UTC);
    var starts = now.minusMinutes(2).isAfter(now) ? LocalTime.MIDNIGHT : now.minusMinutes(2);
    var ends = now.plusMinutes(60).isBefore(now) ? LocalTime.of(23, 59) : now.plusMinutes(60);
    long operatorId =
        gateway.query("SELECT id FROM operators WHERE username = $1", username).get(0).getLong(0);
    var made =
        gateway.post(
            "/api/rota/shifts",
            new JsonObject()
                .put("queueId", gateway.queueId(queue))
                .put("operatorId", operatorId)
                .put("weekday", LocalDate.now(ZoneOffset.UTC).getDayOfWeek().getValue())
                .put("starts", HH_MM.format(starts))
                .put("ends", HH_MM.format(ends)),
            admin);
    assertEquals(201, made.statusCode(), made::bodyAsString);
  }

  private static boolean emptyShiftOn(JsonObject body, String queueName) {
    return "empty-shift".equals(body.getString("type"))
        && queueName.equals(body.getJsonObject("queue").getString("name"));
  }

  @Test
  @DisplayName(
      "nobody online on the shift's queue: one alert on alerts.<libraryId>, however many sweeps")
  void firesOnce() {
    try (var adminSocket = gateway.listen(alerts, admin);
        var operatorSocket = gateway.listen(alerts, gateway.librarianToken("alice"))) {
      rosterNow("cleo", "science");

      var alert = adminSocket.next(alerts, body -> emptyShiftOn(body, "Science Desk"), 15_000);
      var body = alert.getJsonObject("body");
      assertEquals("Cleo Tan", body.getJsonObject("operator").getString("name"));
      assertEquals("admins", body.getString("audience"), "the apps show it to admins only");

      // The operator's app hears the library's alerts too, but the event says it is not for them.
      var heard = operatorSocket.next(alerts, b -> emptyShiftOn(b, "Science Desk"), 15_000);
      assertEquals("admins", heard.getJsonObject("body").getString("audience"));

      // Ten more sweeps pass in two seconds; none sends it again.
      assertNull(adminSocket.nothingOn(alerts, b -> emptyShiftOn(b, "Science Desk"), 2_000));
      assertEquals(
          1,
          gateway.count(
              "SELECT count(*) FROM shift_alerts a JOIN queues q ON q.id = a.queue_id WHERE q.slug = 'science'"));
    }
  }

  @Test
  @DisplayName(
      "someone who monitors the queue is online: no alert; once they leave, the alert comes")
  void onlyWhenNobodyOnline() {
    var ben = gateway.librarianToken("ben");
    try (var adminSocket = gateway.listen(alerts, admin);
        var benSocket = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      benSocket.request("presence.set", new JsonObject().put("status", "online"), ben);
      rosterNow("alice", "ask");

      // Ten sweeps pass in two seconds, each finding the shift covered.
      assertNull(
          adminSocket.nothingOn(alerts, b -> emptyShiftOn(b, "Ask a Librarian"), 2_000),
          "Ben is online on Ask a Librarian");
      assertEquals(
          0,
          gateway.count(
              "SELECT count(*) FROM shift_alerts a JOIN queues q ON q.id = a.queue_id WHERE q.slug = 'ask'"));

      benSocket.request("presence.set", new JsonObject().put("status", "offline"), ben);
      var alert = adminSocket.next(alerts, b -> emptyShiftOn(b, "Ask a Librarian"), 15_000);
      assertEquals(
          "Alice Moreno", alert.getJsonObject("body").getJsonObject("operator").getString("name"));
    }
  }
}
