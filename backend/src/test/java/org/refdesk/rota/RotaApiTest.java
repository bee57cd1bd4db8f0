package org.refdesk.rota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.SecondLibrary;
import org.refdesk.support.TestGateway;

@DisplayName(
    "Rota: admins keep the shifts, everyone reads them as they fall, /me/now tells the shift")
class RotaApiTest {

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  private static TestGateway gateway;
  private static String admin;
  private static String alice;
  private static SecondLibrary riverside;
  private static String rosa;
  private static long ask;
  private static long science;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    admin = gateway.adminToken();
    alice = gateway.librarianToken("alice");
    riverside = SecondLibrary.create(gateway);
    // Riverside keeps New York time and Rosa runs it, so its rota crosses a change of summer time.
    gateway.query(
        "UPDATE libraries SET timezone = 'America/New_York' WHERE id = $1 RETURNING id",
        riverside.libraryId());
    gateway.query(
        "UPDATE operators SET role = 'admin' WHERE id = $1 RETURNING id", riverside.operatorId());
    rosa = riverside.token(gateway);
    ask = gateway.queueId("ask");
    science = gateway.queueId("science");
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static long operatorId(String username) {
    return gateway
        .query("SELECT id FROM operators WHERE username = $1", username)
        .get(0)
        .getLong(0);
  }

  private static JsonObject shift(
      long queueId, String username, int weekday, String starts, String ends) {
    return new JsonObject()
        .put("queueId", queueId)
        .put("operatorId", operatorId(username))
        .put("weekday", weekday)
        .put("starts", starts)
        .put("ends", ends)
        .put("validFrom", "2026-01-05");
  }

  private static long shifts() {
    return gateway.count("SELECT count(*) FROM shifts");
  }

  private static long created(JsonObject body, String token) {
    var response = gateway.post("/api/rota/shifts", body, token);
    assertEquals(201, response.statusCode(), response::bodyAsString);
    return response.bodyAsJsonObject().getLong("id");
  }

  @Test
  @DisplayName(
      "the library admin adds, changes and deletes a weekly shift; every operator reads it")
  void adminKeepsShifts() {
    long id = created(shift(science, "cleo", 2, "13:00", "15:00"), admin);

    var changed =
        gateway.put("/api/rota/shifts/" + id, shift(science, "cleo", 2, "13:00", "16:30"), admin);
    assertEquals(200, changed.statusCode(), changed::bodyAsString);
    assertEquals("16:30", changed.bodyAsJsonObject().getString("ends"));
    assertEquals(
        "Cleo Tan", changed.bodyAsJsonObject().getJsonObject("operator").getString("name"));

    var week = gateway.get("/api/rota?from=2026-03-02&days=7", alice);
    assertEquals(200, week.statusCode(), week::bodyAsString);
    var tuesday = week.bodyAsJsonObject().getJsonArray("days").getJsonObject(1);
    assertEquals("2026-03-03", tuesday.getString("date"));
    assertTrue(
        tuesday.getJsonArray("shifts").stream()
            .map(JsonObject.class::cast)
            .anyMatch(s -> s.getLong("shiftId") == id && "16:30".equals(s.getString("ends"))),
        tuesday::encode);
    assertNull(week.bodyAsJsonObject().getValue("choices"), "an operator is given no form choices");

    assertEquals(204, gateway.delete("/api/rota/shifts/" + id, admin).statusCode());
    assertEquals(0, gateway.count("SELECT count(*) FROM shifts WHERE id = $1", id));
    assertEquals(404, gateway.delete("/api/rota/shifts/" + id, admin).statusCode());
    assertEquals(
        List.of("rota.shift-created", "rota.shift-changed", "rota.shift-deleted"),
        gateway
            .query("SELECT action FROM audit_log WHERE target = $1 ORDER BY id", "shift:" + id)
            .stream()
            .map(row -> row.getString(0))
            .toList(),
        "who changed the rota is in the audit log");
  }

  @Test
  @DisplayName("an operator reads the rota but changes nothing: 403 and nothing stored")
  void operatorIsRefused() {
    long before = shifts();
    var made = gateway.post("/api/rota/shifts", shift(ask, "alice", 3, "09:00", "11:00"), alice);
    assertEquals(403, made.statusCode(), made::bodyAsString);
    assertEquals(before, shifts());

    long id = created(shift(ask, "alice", 3, "09:00", "11:00"), admin);
    assertEquals(
        403,
        gateway
            .put("/api/rota/shifts/" + id, shift(ask, "alice", 3, "09:00", "12:00"), alice)
            .statusCode());
    assertEquals(403, gateway.delete("/api/rota/shifts/" + id, alice).statusCode());
    var off =
        gateway.post(
            "/api/rota/exceptions",
            new JsonObject().put("kind", "off").put("shiftId", id).put("date", "2026-03-04"),
            alice);
    assertEquals(403, off.statusCode(), off::bodyAsString);
    assertEquals(0, gateway.count("SELECT count(*) FROM shift_exceptions WHERE shift_id = $1", id));
    assertEquals(403, gateway.get("/api/rota/coverage", alice).statusCode());
    assertEquals(
        "11:00",
        gateway
            .query("SELECT to_char(ends, 'HH24:MI') FROM shifts WHERE id = $1", id)
            .get(0)
            .getString(0));
  }

  @Test
  @DisplayName("another library's admin gets 404 for this library's shifts and 400 for its people")
  void otherLibraryIsRefused() {
    long id = created(shift(ask, "ben", 4, "09:00", "11:00"), admin);
    var edit =
        gateway.put(
            "/api/rota/shifts/" + id,
            shift(riverside.queueId(), "rosa", 4, "09:00", "11:00"),
            rosa);
    assertEquals(404, edit.statusCode(), edit::bodyAsString);
    assertEquals(404, gateway.delete("/api/rota/shifts/" + id, rosa).statusCode());
    var off =
        gateway.post(
            "/api/rota/exceptions",
            new JsonObject().put("kind", "off").put("shiftId", id).put("date", "2026-03-05"),
            rosa);
    assertEquals(400, off.statusCode(), off::bodyAsString);
    assertEquals(
        1,
        gateway.count(
            "SELECT count(*) FROM shifts WHERE id = $1 AND library_id = $2",
            id,
            gateway.demoLibraryId()));

    long before = shifts();
    var theirOperator =
        gateway.post(
            "/api/rota/shifts", shift(riverside.queueId(), "ben", 1, "09:00", "10:00"), rosa);
    assertEquals(400, theirOperator.statusCode(), theirOperator::bodyAsString);
    assertTrue(theirOperator.bodyAsString().contains("operatorId"));
    var theirQueue =
        gateway.post("/api/rota/shifts", shift(ask, "rosa", 1, "09:00", "10:00"), rosa);
    assertEquals(400, theirQueue.statusCode(), theirQueue::bodyAsString);
    assertTrue(theirQueue.bodyAsString().contains("queueId"));
    assertEquals(before, shifts());

    var week = gateway.get("/api/rota?from=2026-03-02", rosa).bodyAsJsonObject();
    assertTrue(
        week.getJsonArray("days").stream()
            .map(JsonObject.class::cast)
            .allMatch(day -> day.getJsonArray("shifts").isEmpty()),
        "another library's shifts are not in Riverside's rota");
  }

  @Test
  @DisplayName(
      "bad input is a clear 400 and stores nothing; a second shift at the same time is a 409")
  void badInput() {
    long before = shifts();
    for (var bad :
        List.of(
            shift(ask, "alice", 5, "12:00", "11:00"),
            shift(ask, "alice", 8, "09:00", "11:00"),
            shift(ask, "alice", 5, "9am", "11:00"),
            shift(ask, "alice", 5, "09:00", "24:00"),
            shift(ask, "alice", 5, "09:00", "11:00").put("validTo", "2025-01-01"),
            shift(ask, "alice", 5, "09:00", "11:00").put("validFrom", "someday"),
            shift(ask, "alice", 5, "09:00", "11:00").put("queueId", "ask"))) {
      var response = gateway.post("/api/rota/shifts", bad, admin);
      assertEquals(400, response.statusCode(), bad::encode);
      assertEquals("invalid", response.bodyAsJsonObject().getJsonObject("error").getString("code"));
    }
    assertEquals(before, shifts());

    created(shift(ask, "alice", 5, "09:00", "11:00"), admin);
    var overlap =
        gateway.post("/api/rota/shifts", shift(science, "alice", 5, "10:30", "12:00"), admin);
    assertEquals(409, overlap.statusCode(), overlap::bodyAsString);
    assertEquals(before + 1, shifts());
    created(shift(science, "alice", 5, "11:00", "12:00"), admin);

    var badException =
        gateway.post(
            "/api/rota/exceptions",
            new JsonObject().put("kind", "holiday").put("date", "2026-03-06"),
            admin);
    assertEquals(400, badException.statusCode());
    var clash =
        gateway.post(
            "/api/rota/exceptions",
            new JsonObject()
                .put("kind", "extra")
                .put("date", "2026-03-06")
                .put("operatorId", operatorId("alice"))
                .put("queueId", science)
                .put("starts", "10:00")
                .put("ends", "10:30"),
            admin);
    assertEquals(409, clash.statusCode(), clash::bodyAsString);
    assertEquals(
        0, gateway.count("SELECT count(*) FROM shift_exceptions WHERE on_date = '2026-03-06'"));
  }

  @Test
  @DisplayName(
      "weekly shifts and exceptions fall on their dates in the library's zone, summer time or not")
  void expansionAcrossTimeZone() {
    long rosaId = riverside.operatorId();
    var monday =
        new JsonObject()
            .put("queueId", riverside.queueId())
            .put("operatorId", rosaId)
            .put("weekday", 1)
            .put("starts", "09:00")
            .put("ends", "12:00")
            .put("validFrom", "2026-10-01");
    long weekly = created(monday, rosa);
    var off =
        gateway.post(
            "/api/rota/exceptions",
            new JsonObject()
                .put("kind", "off")
                .put("shiftId", weekly)
                .put("date", "2026-11-09")
                .put("note", "Training"),
            rosa);
    assertEquals(201, off.statusCode(), off::bodyAsString);
    var notThatDay =
        gateway.post(
            "/api/rota/exceptions",
            new JsonObject().put("kind", "off").put("shiftId", weekly).put("date", "2026-11-10"),
            rosa);
    assertEquals(400, notThatDay.statusCode(), "the shift does not fall on a Tuesday");
    var extra =
        gateway.post(
            "/api/rota/exceptions",
            new JsonObject()
                .put("kind", "extra")
                .put("date", "2026-10-28")
                .put("operatorId", rosaId)
                .put("queueId", riverside.queueId())
                .put("starts", "18:00")
                .put("ends", "20:00"),
            rosa);
    assertEquals(201, extra.statusCode(), extra::bodyAsString);

    // Three weeks from Monday 26 October: New York leaves summer time on Sunday 1 November.
    var rota = gateway.get("/api/rota?from=2026-10-26&days=21", rosa).bodyAsJsonObject();
    assertEquals("America/New_York", rota.getString("timezone"));
    var days = rota.getJsonArray("days");
    assertEquals(21, days.size());
    var shifts = new JsonArray();
    days.forEach(day -> ((JsonObject) day).getJsonArray("shifts").forEach(shifts::add));
    assertEquals(4, shifts.size(), shifts::encodePrettily);

    var summer = find(shifts, "w" + weekly + ":2026-10-26");
    assertEquals("2026-10-26T13:00:00Z", summer.getString("startsAt"), "09:00 EDT");
    assertFalse(summer.getBoolean("off"));
    var winter = find(shifts, "w" + weekly + ":2026-11-02");
    assertEquals("2026-11-02T14:00:00Z", winter.getString("startsAt"), "09:00 EST");
    assertEquals("09:00", winter.getString("starts"));
    var taken = find(shifts, "w" + weekly + ":2026-11-09");
    assertTrue(taken.getBoolean("off"));
    assertEquals("Training", taken.getString("note"));
    var evening = find(shifts, "x" + extra.bodyAsJsonObject().getLong("id"));
    assertEquals("2026-10-28", evening.getString("date"));
    assertEquals("2026-10-28T22:00:00Z", evening.getString("startsAt"));
    assertEquals("extra", evening.getString("kind"));

    var coverage = gateway.get("/api/rota/coverage?from=2026-10-26", rosa).bodyAsJsonObject();
    var cells = coverage.getJsonArray("cells");
    assertEquals(168, cells.size());
    assertEquals(1, cell(cells, 1, 9).getInteger("rostered"));
    assertEquals(1, cell(cells, 1, 11).getInteger("rostered"));
    assertEquals(0, cell(cells, 1, 12).getInteger("rostered"));
    assertEquals(1, cell(cells, 3, 19).getInteger("rostered"));
    assertEquals(0, cell(cells, 2, 9).getInteger("rostered"));

    assertEquals(
        204,
        gateway
            .delete("/api/rota/exceptions/" + off.bodyAsJsonObject().getLong("id"), rosa)
            .statusCode());
    var again = gateway.get("/api/rota?from=2026-11-09&days=1", rosa).bodyAsJsonObject();
    assertFalse(
        again
            .getJsonArray("days")
            .getJsonObject(0)
            .getJsonArray("shifts")
            .getJsonObject(0)
            .getBoolean("off"));
  }

  @Test
  @DisplayName(
      "/me/now: the shift I am on, then its wrap-up in its last minutes; nothing for others")
  void myNow() {
    var zone = ZoneId.of("UTC");
    var now = LocalTime.now(zone);
    int weekday = LocalDate.now(zone).getDayOfWeek().getValue();
    var starts = now.minusMinutes(5).isAfter(now) ? LocalTime.MIDNIGHT : now.minusMinutes(5);
    var ends = now.plusMinutes(90).isBefore(now) ? LocalTime.of(23, 59) : now.plusMinutes(90);
    created(shift(ask, "alice", weekday, HH_MM.format(starts), HH_MM.format(ends)), admin);

    var mine = gateway.get("/api/rota/me/now", alice).bodyAsJsonObject();
    assertEquals("on", mine.getString("phase"), mine::encodePrettily);
    assertEquals(
        "Ask a Librarian", mine.getJsonObject("current").getJsonObject("queue").getString("name"));

    var wrapStarts = now.minusMinutes(30).isAfter(now) ? LocalTime.MIDNIGHT : now.minusMinutes(30);
    var wrapEnds = now.plusMinutes(5).isBefore(now) ? LocalTime.of(23, 59) : now.plusMinutes(5);
    created(
        shift(science, "cleo", weekday, HH_MM.format(wrapStarts), HH_MM.format(wrapEnds)), admin);
    var cleo = gateway.get("/api/rota/me/now", gateway.librarianToken("cleo")).bodyAsJsonObject();
    assertEquals("wrap-up", cleo.getString("phase"), cleo::encodePrettily);
    assertEquals(
        "Science Desk", cleo.getJsonObject("current").getJsonObject("queue").getString("name"));

    var nobody = gateway.get("/api/rota/me/now", rosa).bodyAsJsonObject();
    assertEquals("off", nobody.getString("phase"));
    assertNull(nobody.getValue("current"));
  }

  private static JsonObject find(JsonArray shifts, String key) {
    return shifts.stream()
        .map(JsonObject.class::cast)
        .filter(s -> key.equals(s.getString("key")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no occurrence " + key + " in " + shifts.encode()));
  }

  private static JsonObject cell(JsonArray cells, int weekday, int hour) {
    return cells.stream()
        .map(JsonObject.class::cast)
        .filter(c -> c.getInteger("weekday") == weekday && c.getInteger("hour") == hour)
        .findFirst()
        .orElseThrow();
  }
}
