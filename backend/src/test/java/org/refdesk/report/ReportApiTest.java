package org.refdesk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.SecondLibrary;
import org.refdesk.support.TestGateway;

@DisplayName("Reports: a library's figures over whole days of its own time zone, as JSON and CSV")
class ReportApiTest {

  private static final String RANGE = "?from=" + ReportData.FROM + "&to=" + ReportData.TO;

  private static TestGateway gateway;
  private static ReportData eastbank;
  private static String rina;
  private static String rex;
  private static SecondLibrary riverside;
  private static String rosa;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    eastbank = ReportData.create(gateway);
    rina = eastbank.token(gateway, "rina");
    rex = eastbank.token(gateway, "rex");
    riverside = SecondLibrary.create(gateway);
    rosa = riverside.token(gateway);
    // Riverside's chat on the same day must not reach Eastbank's figures.
    gateway.query(
        """
        INSERT INTO chats (library_id, queue_id, state, patron_name, question, owner_id, created_at,
                           claimed_at, ended_at)
        VALUES ($1, $2, 'ended', 'Pat', 'Hours?', $3, '2026-03-02 10:00Z', '2026-03-02 10:01Z',
                '2026-03-02 10:05Z')""",
        riverside.libraryId(),
        riverside.queueId(),
        riverside.operatorId());
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static JsonObject figures(String query, String token) {
    var response = gateway.get("/api/reports" + query, token);
    assertEquals(200, response.statusCode(), response::bodyAsString);
    return response.bodyAsJsonObject().getJsonObject("figures");
  }

  private static JsonObject row(JsonArray rows, String key, Object value) {
    for (int i = 0; i < rows.size(); i++) {
      if (value.equals(rows.getJsonObject(i).getValue(key))) {
        return rows.getJsonObject(i);
      }
    }
    throw new AssertionError("no row with " + key + " = " + value + " in " + rows.encode());
  }

  private static List<Long> counts(JsonObject row, String... keys) {
    return java.util.Arrays.stream(keys).map(row::getLong).toList();
  }

  private static String errorCode(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getJsonObject("error").getString("code");
  }

  @Test
  @DisplayName("chats per day of the library's time zone: 23:30 UTC counts on the next day there")
  void daily() {
    var answer = gateway.get("/api/reports" + RANGE, rina).bodyAsJsonObject();
    assertEquals(ReportData.FROM, answer.getString("from"));
    assertEquals(ReportData.TO, answer.getString("to"));
    assertEquals("Etc/GMT-1", answer.getString("timezone"));
    var days = answer.getJsonObject("figures").getJsonArray("daily");
    assertEquals(7, days.size(), "every day of the range, those without chats too");
    assertEquals(
        List.of(1L, 1L, 0L),
        counts(row(days, "day", "2026-03-01"), "arrivals", "answered", "missed"));
    assertEquals(
        List.of(2L, 2L, 0L),
        counts(row(days, "day", "2026-03-02"), "arrivals", "answered", "missed"));
    assertEquals(
        List.of(1L, 1L, 0L),
        counts(row(days, "day", "2026-03-03"), "arrivals", "answered", "missed"));
    assertEquals(
        List.of(1L, 0L, 1L),
        counts(row(days, "day", "2026-03-04"), "arrivals", "answered", "missed"));
    assertEquals(
        List.of(2L, 1L, 0L),
        counts(row(days, "day", "2026-03-05"), "arrivals", "answered", "missed"));
    assertEquals(
        List.of(0L, 0L, 0L),
        counts(row(days, "day", "2026-03-07"), "arrivals", "answered", "missed"));
  }

  @Test
  @DisplayName("chats per week, weeks starting on Monday")
  void weekly() {
    var weeks = figures(RANGE, rina).getJsonArray("weekly");
    assertEquals(2, weeks.size());
    assertEquals(
        List.of(1L, 1L, 0L),
        counts(row(weeks, "weekStart", "2026-02-23"), "arrivals", "answered", "missed"));
    assertEquals(
        List.of(6L, 4L, 1L),
        counts(row(weeks, "weekStart", "2026-03-02"), "arrivals", "answered", "missed"));
  }

  @Test
  @DisplayName("the hour-by-weekday grid counts arrivals and missed chats at the library's hour")
  void heatmap() {
    var cells = figures(RANGE, rina).getJsonArray("heatmap");
    assertEquals(7 * 24, cells.size());
    long total = 0;
    for (int i = 0; i < cells.size(); i++) {
      total += cells.getJsonObject(i).getLong("arrivals");
    }
    assertEquals(7, total);
    assertEquals(2, cell(cells, 1, 10).getLong("arrivals"), "Monday 10:00 and 10:30");
    assertEquals(1, cell(cells, 7, 0).getLong("arrivals"), "Sunday 00:30");
    assertEquals(
        List.of(1L, 1L),
        counts(cell(cells, 3, 0), "arrivals", "missed"),
        "Wednesday 00:30, missed");
    assertEquals(
        List.of(0L, 0L),
        counts(cell(cells, 2, 14), "arrivals", "missed"),
        "15:00 local, not 14:00");
    assertEquals(1, cell(cells, 2, 15).getLong("arrivals"));
  }

  private static JsonObject cell(JsonArray cells, int weekday, int hour) {
    for (int i = 0; i < cells.size(); i++) {
      var cell = cells.getJsonObject(i);
      if (cell.getInteger("weekday") == weekday && cell.getInteger("hour") == hour) {
        return cell;
      }
    }
    throw new AssertionError("no cell " + weekday + "/" + hour);
  }

  @Test
  @DisplayName("answered chats' waits: buckets, median, 90th percentile and mean")
  void waits() {
    var figures = figures(RANGE, rina);
    var buckets = figures.getJsonArray("waits");
    assertEquals(6, buckets.size());
    assertEquals(2, row(buckets, "fromSeconds", 0).getLong("chats"));
    assertEquals(30, row(buckets, "fromSeconds", 0).getInteger("toSeconds"));
    assertEquals(1, row(buckets, "fromSeconds", 30).getLong("chats"));
    assertEquals(1, row(buckets, "fromSeconds", 60).getLong("chats"));
    assertEquals(0, row(buckets, "fromSeconds", 120).getLong("chats"));
    assertEquals(1, row(buckets, "fromSeconds", 300).getLong("chats"));
    assertEquals(0, row(buckets, "fromSeconds", 600).getLong("chats"));
    assertEquals(null, row(buckets, "fromSeconds", 600).getValue("toSeconds"));
    var summary = figures.getJsonObject("waitSummary");
    assertEquals(5, summary.getLong("answered"));
    assertEquals(45.0, summary.getDouble("medianSeconds"));
    assertEquals(276.0, summary.getDouble("p90Seconds"), "90 + 0.6 × (400 − 90)");
    assertEquals(113.0, summary.getDouble("averageSeconds"));
  }

  @Test
  @DisplayName("what became of the chats: answered, missed, abandoned and the rates")
  void outcomes() {
    var outcomes = figures(RANGE, rex).getJsonObject("outcomes");
    assertEquals(
        List.of(7L, 5L, 1L, 1L, 0L),
        counts(outcomes, "arrivals", "answered", "missed", "abandoned", "open"));
    assertEquals(71.4, outcomes.getDouble("answeredPercent"));
    assertEquals(14.3, outcomes.getDouble("missedPercent"));
  }

  @Test
  @DisplayName("by queue, by operator and by tag")
  void breakdowns() {
    var figures = figures(RANGE, rina);
    var queues = figures.getJsonArray("queues");
    assertEquals("Ask Eastbank", queues.getJsonObject(0).getString("queue"), "busiest first");
    var ask = row(queues, "queue", "Ask Eastbank");
    assertEquals(List.of(5L, 3L, 1L), counts(ask, "arrivals", "answered", "missed"));
    assertEquals(20.0, ask.getDouble("medianWaitSeconds"));
    var kids = row(queues, "queue", "Kids corner");
    assertEquals(List.of(2L, 2L, 0L), counts(kids, "arrivals", "answered", "missed"));
    assertEquals(245.0, kids.getDouble("medianWaitSeconds"));

    var operators = figures.getJsonArray("operators");
    assertEquals(2, operators.size());
    var rinaRow = row(operators, "operator", "Rina Okafor");
    assertEquals(3, rinaRow.getLong("answered"));
    assertEquals(20.0, rinaRow.getDouble("medianWaitSeconds"));
    assertEquals(400.0, rinaRow.getDouble("averageDurationSeconds"));
    assertEquals(2, rinaRow.getLong("ratings"));
    assertEquals(4.5, rinaRow.getDouble("averageRating"));
    var rexRow = row(operators, "operator", "Rex Amari");
    assertEquals(2, rexRow.getLong("answered"));
    assertEquals(660.0, rexRow.getDouble("averageDurationSeconds"));
    assertEquals(2.0, rexRow.getDouble("averageRating"));

    var tags = figures.getJsonArray("tags");
    assertEquals(2, tags.size(), "a tag only outside the range is not listed");
    assertEquals(2, row(tags, "tag", "Catalogue").getLong("chats"));
    assertEquals(2, row(tags, "tag", "Renewals").getLong("chats"));
  }

  @Test
  @DisplayName("by question type (statistics entries, desk ones too) and by rating with its mean")
  void questionTypesAndRatings() {
    var figures = figures(RANGE, rina);
    var types = figures.getJsonArray("questionTypes");
    assertEquals(3, types.size(), types::encode);
    assertEquals(2, row(types, "questionType", "Directional").getLong("entries"));
    assertEquals(2, row(types, "questionType", "Research").getLong("entries"));
    var none = types.getJsonObject(2);
    assertEquals(null, none.getValue("questionType"), "no type recorded comes last");
    assertEquals(1, none.getLong("entries"));

    var ratings = figures.getJsonArray("ratings");
    assertEquals(5, ratings.size());
    assertEquals(
        List.of(0L, 1L, 0L, 1L, 1L),
        ratings.stream().map(r -> ((JsonObject) r).getLong("chats")).toList());
    var summary = figures.getJsonObject("ratingSummary");
    assertEquals(3, summary.getLong("ratings"));
    assertEquals(3.67, summary.getDouble("averageScore"));
  }

  @Test
  @DisplayName("a queue filter narrows every figure to that queue")
  void queueFilter() {
    var figures = figures(RANGE + "&queue=" + eastbank.kidsId(), rina);
    assertEquals(
        List.of(2L, 2L), counts(figures.getJsonObject("outcomes"), "arrivals", "answered"));
    assertEquals(1, figures.getJsonArray("queues").size());
    assertEquals(
        List.of("Rex Amari"),
        figures.getJsonArray("operators").stream()
            .map(o -> ((JsonObject) o).getString("operator"))
            .toList());
    var types = figures.getJsonArray("questionTypes");
    assertEquals(2, types.size(), "desk entries have no queue");
    assertEquals(1, figures.getJsonObject("ratingSummary").getLong("ratings"));
  }

  @Test
  @DisplayName("without dates a report covers the library's last 30 days, today included")
  void defaultRange() {
    var answer = gateway.get("/api/reports", rina).bodyAsJsonObject();
    var to = java.time.LocalDate.parse(answer.getString("to"));
    assertEquals(to.minusDays(29).toString(), answer.getString("from"));
    assertEquals(30, answer.getJsonObject("figures").getJsonArray("daily").size());
  }

  @Test
  @DisplayName("another library's chats never count, and its operators see only their own")
  void otherLibrary() {
    assertEquals(7, figures(RANGE, rina).getJsonObject("outcomes").getLong("arrivals"));
    var theirs = figures(RANGE, rosa);
    assertEquals(1, theirs.getJsonObject("outcomes").getLong("arrivals"));
    assertEquals(0, theirs.getJsonArray("questionTypes").size());
    var refused = gateway.get("/api/reports" + RANGE + "&queue=" + riverside.queueId(), rina);
    assertEquals(400, refused.statusCode(), "another library's queue is not a filter");
    var csv = gateway.get("/api/reports/statistics-entries.csv" + RANGE, rosa).bodyAsString();
    assertTrue(!csv.contains("Directional"), csv);
  }

  @Test
  @DisplayName("reports are refused without an operator's token")
  void unauthenticated() {
    assertEquals(401, gateway.get("/api/reports" + RANGE, null).statusCode());
    assertEquals(401, gateway.get("/api/reports/daily.csv" + RANGE, null).statusCode());
    assertEquals(
        401, gateway.get("/api/reports/statistics-entries.csv" + RANGE, null).statusCode());
    var patron = gateway.startChat("ask", "Pat", "Can I see the reports?").getString("token");
    assertEquals(401, gateway.get("/api/reports" + RANGE, patron).statusCode());
  }

  @Test
  @DisplayName("bad filters are a 400 that says what is wrong; an unknown figure is a 404")
  void badFilters() {
    for (var query :
        List.of(
            "?from=2026-13-01",
            "?from=yesterday",
            "?to=2026-02-30",
            "?from=2026-03-07&to=2026-03-01",
            "?from=2025-01-01&to=2026-02-05",
            "?queue=ask",
            "?queue=-3",
            "?from=0001-01-01&to=0001-01-02")) {
      var response = gateway.get("/api/reports" + query, rina);
      assertEquals(400, response.statusCode(), query);
      assertEquals("invalid", errorCode(response), query);
      assertEquals(400, gateway.get("/api/reports/daily.csv" + query, rina).statusCode(), query);
    }
    assertEquals(
        200,
        gateway.get("/api/reports?from=2025-02-04&to=2026-03-09", rina).statusCode(),
        "400 days is the longest range");
    assertEquals(404, gateway.get("/api/reports/secrets.csv" + RANGE, rina).statusCode());
    assertEquals(404, gateway.get("/api/reports/daily.json" + RANGE, rina).statusCode());
  }

  @Test
  @DisplayName(
      "each figure downloads as CSV: UTF-8 with a BOM, a header row, CRLF lines, a file name")
  void figureCsv() {
    var response = gateway.get("/api/reports/daily.csv" + RANGE, rina);
    assertEquals(200, response.statusCode());
    assertEquals("text/csv; charset=utf-8", response.getHeader("Content-Type"));
    assertEquals(
        "attachment; filename=\"refdesk-daily-2026-03-01-to-2026-03-07.csv\"",
        response.getHeader("Content-Disposition"));
    var text = response.body().toString(StandardCharsets.UTF_8);
    assertTrue(text.startsWith("\uFEFFday,arrivals,answered,missed\r\n"), text);
    assertTrue(text.contains("\r\n2026-03-04,1,0,1\r\n"), text);
    assertEquals(8, text.split("\r\n").length, "a header and seven days");

    var queues = gateway.get("/api/reports/queues.csv" + RANGE, rina).bodyAsString();
    assertTrue(
        queues.contains("queue_id,queue,arrivals,answered,missed,median_wait_seconds\r\n"), queues);
    assertTrue(queues.contains("," + "Kids corner,2,2,0,245.0\r\n"), queues);
    var summary = gateway.get("/api/reports/wait-summary.csv" + RANGE, rina).bodyAsString();
    assertTrue(
        summary.endsWith(
            "answered,median_seconds,p90_seconds,average_seconds\r\n5,45.0,276.0,113.0\r\n"),
        summary);
    for (var figure : Figure.values()) {
      assertEquals(
          200,
          gateway.get("/api/reports/" + figure.file() + ".csv" + RANGE, rex).statusCode(),
          figure.file());
    }
  }

  @Test
  @DisplayName(
      "the statistics entries download with every column, custom fields too, quoted and defused")
  void entriesCsv() {
    var response = gateway.get("/api/reports/statistics-entries.csv" + RANGE, rina);
    assertEquals(200, response.statusCode());
    assertEquals(
        "attachment; filename=\"refdesk-statistics-entries-2026-03-01-to-2026-03-07.csv\"",
        response.getHeader("Content-Disposition"));
    var text = response.body().toString(StandardCharsets.UTF_8);
    assertTrue(
        text.startsWith(
            "\uFEFFid,date,time,chat_id,queue,operator,mode,question_type,location,referred_by,"
                + "duration_seconds,wait_seconds,notes,Room,legacy\r\n"),
        text);
    assertTrue(text.contains(",2026-03-02,10:00,"), "the library's local date and time");
    assertTrue(
        text.contains(
            ",Ask Eastbank,Rina Okafor,chat,Directional,Main desk,,300,20,"
                + "\"'=cmd|' /C calc'!A0, said \"\"hi\"\"\nthen left\",B2,\r\n"),
        text);
    assertTrue(text.contains(",Research,'+SUM(A1),,300,20,,,kept\r\n"), text);
    assertTrue(text.contains(",desk,Directional,,,300,20,Where the toilets are,,\r\n"), text);
    assertTrue(!text.contains("Policy"), "an entry after the range is left out");
    assertEquals(
        5, text.split("\r\n").length - 1, "a header and five entries, one with a line break");
    var kids =
        gateway
            .get(
                "/api/reports/statistics-entries.csv" + RANGE + "&queue=" + eastbank.kidsId(), rina)
            .bodyAsString();
    assertEquals(3, kids.split("\r\n").length, kids);
  }
}
