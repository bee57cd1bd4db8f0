package org.refdesk.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.refdesk.auth.Passwords;
import org.refdesk.support.TestGateway;

/**
 * A small library whose every figure is known: one hour ahead of UTC all year (Etc/GMT-1), two
 * queues, an operator and an admin, nine chats around the first week of March 2026 with known
 * waits, outcomes, tags and ratings, and statistics entries, one with a hostile note. The figures
 * for 2026-03-01 to 2026-03-07 are written out in {@code ReportApiTest}.
 */
public record ReportData(
    long libraryId, long askId, long kidsId, long rinaId, long rexId, String password) {

  public static final String PASSWORD = "reports need their own passphrase";
  public static final String FROM = "2026-03-01";
  public static final String TO = "2026-03-07";

  /** A note with a comma, quotes and a line break that starts like a spreadsheet formula. */
  public static final String HOSTILE_NOTE = "=cmd|' /C calc'!A0, said \"hi\"\nthen left";

  public static ReportData create(TestGateway gateway) {
    long library =
        one(
            gateway,
            "INSERT INTO libraries (name, timezone) VALUES ('Eastbank Library', 'Etc/GMT-1') RETURNING id");
    long ask =
        one(
            gateway,
            "INSERT INTO queues (library_id, slug, name) VALUES ($1, 'eastbank-ask', 'Ask Eastbank') RETURNING id",
            library);
    long kids =
        one(
            gateway,
            "INSERT INTO queues (library_id, slug, name) VALUES ($1, 'eastbank-kids', 'Kids corner') RETURNING id",
            library);
    var hash = TestGateway.await(new Passwords(gateway.vertx()).hash(PASSWORD));
    long rina = operator(gateway, library, "rina", "Rina Okafor", "operator", hash);
    long rex = operator(gateway, library, "rex", "Rex Amari", "admin", hash);
    long catalogue = tag(gateway, library, "Catalogue");
    long renewals = tag(gateway, library, "Renewals");
    long unused = tag(gateway, library, "Interlibrary loan");

    // Times are UTC; the library's day and hour are one hour later.
    long c1 = chat(gateway, library, ask, "2026-03-02T09:00:00Z", "ended", rina, 20, 600, false);
    long c2 = chat(gateway, library, ask, "2026-03-02T09:30:00Z", "ended", rina, 45, 300, false);
    long c3 = chat(gateway, library, kids, "2026-03-03T14:00:00Z", "ended", rex, 90, 1200, false);
    // 23:30 UTC on the 3rd is 00:30 on Wednesday the 4th in the library.
    chat(gateway, library, ask, "2026-03-03T23:30:00Z", "missed", null, 0, 0, true);
    long c5 = chat(gateway, library, kids, "2026-03-05T10:00:00Z", "ended", rex, 400, 120, false);
    // Abandoned: the patron ended it before anyone answered.
    chat(gateway, library, ask, "2026-03-05T12:00:00Z", "ended", null, 0, 60, false);
    // 23:30 UTC on 28 February is 00:30 on Sunday 1 March: the range's first day.
    long c7 = chat(gateway, library, ask, "2026-02-28T23:30:00Z", "ended", rina, 10, 300, false);
    // Outside the range on both sides, in the library's time.
    long c8 = chat(gateway, library, ask, "2026-03-07T23:30:00Z", "ended", rina, 5, 60, false);
    chat(gateway, library, ask, "2026-02-28T22:30:00Z", "ended", rina, 5, 60, false);

    chatTag(gateway, library, c1, catalogue);
    chatTag(gateway, library, c2, catalogue);
    chatTag(gateway, library, c2, renewals);
    chatTag(gateway, library, c3, renewals);
    chatTag(gateway, library, c8, unused);

    rating(gateway, library, c1, 5);
    rating(gateway, library, c2, 4);
    rating(gateway, library, c3, 2);
    rating(gateway, library, c8, 1);

    gateway.query(
        "INSERT INTO statistics_forms (library_id, fields) VALUES ($1, $2)",
        library,
        new JsonArray()
            .add(new JsonObject().put("key", "questionType").put("kind", "choice"))
            .add(new JsonObject().put("key", "room").put("kind", "text").put("label", "Room"))
            .add(new JsonObject().put("key", "notes").put("kind", "text")));
    entry(
        gateway,
        library,
        c1,
        ask,
        rina,
        "2026-03-02T09:00:00Z",
        "chat",
        "Directional",
        "Main desk",
        HOSTILE_NOTE,
        new JsonObject().put("room", "B2"));
    entry(
        gateway,
        library,
        c2,
        ask,
        rina,
        "2026-03-02T09:30:00Z",
        "chat",
        "Research",
        "+SUM(A1)",
        null,
        new JsonObject().put("legacy", "kept"));
    entry(
        gateway,
        library,
        c3,
        kids,
        rex,
        "2026-03-03T14:00:00Z",
        "chat",
        "Research",
        null,
        null,
        new JsonObject());
    entry(
        gateway,
        library,
        c5,
        kids,
        rex,
        "2026-03-05T10:00:00Z",
        "chat",
        null,
        null,
        null,
        new JsonObject());
    entry(
        gateway,
        library,
        null,
        null,
        rina,
        "2026-03-04T10:00:00Z",
        "desk",
        "Directional",
        null,
        "Where the toilets are",
        new JsonObject());
    entry(
        gateway,
        library,
        null,
        null,
        rina,
        "2026-03-09T10:00:00Z",
        "desk",
        "Policy",
        null,
        null,
        new JsonObject());
    return new ReportData(library, ask, kids, rina, rex, PASSWORD);
  }

  public String token(TestGateway gateway, String username) {
    return gateway.login(username, password);
  }

  private static long one(TestGateway gateway, String sql, Object... params) {
    return gateway.query(sql, params).get(0).getLong(0);
  }

  private static long operator(
      TestGateway gateway, long library, String username, String name, String role, String hash) {
    return one(
        gateway,
        """
        INSERT INTO operators (library_id, username, display_name, password_hash, role)
        VALUES ($1, $2, $3, $4, $5) RETURNING id""",
        library,
        username,
        name,
        hash,
        role);
  }

  private static long tag(TestGateway gateway, long library, String name) {
    return one(
        gateway, "INSERT INTO tags (library_id, name) VALUES ($1, $2) RETURNING id", library, name);
  }

  /**
   * A chat that arrived at {@code created}; with an owner, claimed after {@code wait} seconds and
   * ended {@code length} seconds later; without, ended after {@code length} seconds or missed.
   */
  private static long chat(
      TestGateway gateway,
      long library,
      long queue,
      String created,
      String state,
      Long owner,
      int wait,
      int length,
      boolean missed) {
    var at = OffsetDateTime.parse(created).withOffsetSameInstant(ZoneOffset.UTC);
    var claimed = owner == null ? null : at.plusSeconds(wait);
    var ended =
        missed ? null : (claimed == null ? at.plusSeconds(length) : claimed.plusSeconds(length));
    return one(
        gateway,
        """
        INSERT INTO chats (library_id, queue_id, state, patron_name, question, owner_id,
                           created_at, claimed_at, ended_at, missed_at, ended_by)
        VALUES ($1, $2, $3, 'Pat', 'A question', $4, $5, $6, $7, $8, $9) RETURNING id""",
        library,
        queue,
        state,
        owner,
        at,
        claimed,
        ended,
        missed ? at.plusSeconds(180) : null,
        ended == null ? null : "operator");
  }

  private static void chatTag(TestGateway gateway, long library, long chat, long tag) {
    gateway.query(
        "INSERT INTO chat_tags (chat_id, tag_id, library_id) VALUES ($1, $2, $3)",
        chat,
        tag,
        library);
  }

  private static void rating(TestGateway gateway, long library, long chat, int score) {
    gateway.query(
        "INSERT INTO chat_ratings (chat_id, library_id, score) VALUES ($1, $2, $3)",
        chat,
        library,
        score);
  }

  private static void entry(
      TestGateway gateway,
      long library,
      Long chat,
      Long queue,
      long operator,
      String occurred,
      String mode,
      String questionType,
      String location,
      String notes,
      JsonObject custom) {
    gateway.query(
        """
        INSERT INTO statistics_entries (library_id, chat_id, queue_id, operator_id, occurred_at,
                                        duration_seconds, wait_seconds, mode, question_type,
                                        location, notes, custom)
        VALUES ($1, $2, $3, $4, $5, 300, 20, $6, $7, $8, $9, $10)""",
        library,
        chat,
        queue,
        operator,
        OffsetDateTime.parse(occurred),
        mode,
        questionType,
        location,
        notes,
        custom);
  }
}
