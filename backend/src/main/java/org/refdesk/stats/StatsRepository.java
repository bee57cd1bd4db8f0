package org.refdesk.stats;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Statistics forms and entries in Postgres. */
public final class StatsRepository {

  private final Pool pool;

  public StatsRepository(Pool pool) {
    this.pool = pool;
  }

  /** The library's own form, or the default one when it has none. */
  Future<StatsForm> form(long libraryId) {
    return pool.preparedQuery(StatsSql.FORM)
        .execute(Tuple.of(libraryId))
        .map(
            rows ->
                rows.size() == 0
                    ? StatsForm.DEFAULT
                    : StatsForm.parse(rows.iterator().next().getJsonArray("fields")));
  }

  /** True when the library has a form of its own. */
  Future<Boolean> hasOwnForm(long libraryId) {
    return pool.preparedQuery(StatsSql.FORM)
        .execute(Tuple.of(libraryId))
        .map(rows -> rows.size() > 0);
  }

  Future<Void> saveForm(long libraryId, StatsForm form, long operatorId) {
    return pool.preparedQuery(StatsSql.SAVE_FORM)
        .execute(Tuple.of(libraryId, form.toJson(), operatorId))
        .mapEmpty();
  }

  Future<Optional<ChatFacts>> facts(long chatId, long operatorId) {
    return pool.preparedQuery(StatsSql.FACTS)
        .execute(Tuple.of(chatId, operatorId))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(ChatFacts.from(rows.iterator().next())));
  }

  Future<Optional<Entry>> entryOfChat(long chatId) {
    return pool.preparedQuery(StatsSql.ENTRY_OF_CHAT)
        .execute(Tuple.of(chatId))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(Entry.from(rows.iterator().next())));
  }

  /** Makes or updates the chat's entry; empty when the chat is not ended. */
  Future<Optional<Saved>> recordChat(long chatId, long operatorId, Map<String, Object> values) {
    var params = Tuple.of(chatId, operatorId);
    builtIns(values, params);
    return pool.preparedQuery(StatsSql.RECORD_CHAT).execute(params).map(rows -> saved(rows));
  }

  Future<Saved> recordDesk(
      long libraryId, long operatorId, OffsetDateTime occurredAt, Map<String, Object> values) {
    var params = Tuple.of(libraryId, operatorId, occurredAt, values.get(StatsForm.MODE));
    builtIns(values, params);
    return pool.preparedQuery(StatsSql.RECORD_DESK)
        .execute(params)
        .map(rows -> saved(rows).orElseThrow());
  }

  Future<ToRecord> toRecord(long operatorId, long libraryId, int days) {
    return pool.preparedQuery(StatsSql.TO_RECORD)
        .execute(Tuple.of(operatorId, days, StatsLimits.TO_RECORD_ROWS, libraryId))
        .map(
            rows -> {
              var chats = new JsonArray();
              long total = 0;
              for (var row : rows) {
                total = row.getLong("total");
                chats.add(
                    new JsonObject()
                        .put("chatId", row.getLong("id"))
                        .put("patronName", row.getString("patron_name"))
                        .put("question", row.getString("question"))
                        .put("queueName", row.getString("queue_name"))
                        .put("createdAt", iso(row.getOffsetDateTime("created_at")))
                        .put("endedAt", iso(row.getOffsetDateTime("ended_at"))));
              }
              return new ToRecord(chats, total);
            });
  }

  private static Optional<Saved> saved(RowSet<Row> rows) {
    if (rows.size() == 0) {
      return Optional.empty();
    }
    var row = rows.iterator().next();
    return Optional.of(new Saved(Entry.from(row), row.getBoolean("inserted")));
  }

  private static void builtIns(Map<String, Object> values, Tuple params) {
    params.addString((String) values.get(StatsForm.QUESTION_TYPE));
    params.addString((String) values.get(StatsForm.LOCATION));
    params.addString((String) values.get(StatsForm.REFERRED_BY));
    params.addString((String) values.get(StatsForm.NOTES));
    var custom = new JsonObject();
    values.forEach(
        (key, value) -> {
          if (!StatsForm.BUILT_IN.contains(key)) {
            custom.put(key, value);
          }
        });
    params.addValue(custom);
  }

  static String iso(OffsetDateTime at) {
    return at == null ? null : at.toInstant().toString();
  }

  record ToRecord(JsonArray chats, long count) {}

  record Saved(Entry entry, boolean inserted) {}

  /** What the server knows of a chat, which an entry takes as it is. */
  record ChatFacts(
      long chatId,
      long libraryId,
      long queueId,
      String queueName,
      String state,
      OffsetDateTime createdAt,
      OffsetDateTime claimedAt,
      OffsetDateTime endedAt,
      Integer durationSeconds,
      Integer waitSeconds,
      List<String> tags,
      boolean tookPart) {

    static ChatFacts from(Row row) {
      var tags = row.getArrayOfStrings("tags");
      return new ChatFacts(
          row.getLong("id"),
          row.getLong("library_id"),
          row.getLong("queue_id"),
          row.getString("queue_name"),
          row.getString("state"),
          row.getOffsetDateTime("created_at"),
          row.getOffsetDateTime("claimed_at"),
          row.getOffsetDateTime("ended_at"),
          row.getInteger("duration_seconds"),
          row.getInteger("wait_seconds"),
          tags == null ? List.of() : List.of(tags),
          Boolean.TRUE.equals(row.getBoolean("took_part")));
    }

    JsonObject toJson() {
      return new JsonObject()
          .put("chatId", chatId)
          .put("state", state)
          .put("occurredAt", iso(createdAt))
          .put("endedAt", iso(endedAt))
          .put("durationSeconds", durationSeconds)
          .put("waitSeconds", waitSeconds)
          .put("queue", new JsonObject().put("id", queueId).put("name", queueName))
          .put("mode", StatsForm.CHAT_MODE)
          .put("tags", new JsonArray(new ArrayList<>(tags)));
    }
  }

  /** One statistics entry, its values keyed as the form's fields are. */
  record Entry(
      long id,
      Long chatId,
      Long queueId,
      long operatorId,
      OffsetDateTime occurredAt,
      Integer durationSeconds,
      Integer waitSeconds,
      JsonObject values,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt) {

    static Entry from(Row row) {
      var values = new JsonObject();
      var custom = row.getJsonObject("custom");
      if (custom != null) {
        values.mergeIn(custom);
      }
      put(values, StatsForm.MODE, row.getString("mode"));
      put(values, StatsForm.QUESTION_TYPE, row.getString("question_type"));
      put(values, StatsForm.LOCATION, row.getString("location"));
      put(values, StatsForm.REFERRED_BY, row.getString("referred_by"));
      put(values, StatsForm.NOTES, row.getString("notes"));
      return new Entry(
          row.getLong("id"),
          row.getLong("chat_id"),
          row.getLong("queue_id"),
          row.getLong("operator_id"),
          row.getOffsetDateTime("occurred_at"),
          row.getInteger("duration_seconds"),
          row.getInteger("wait_seconds"),
          values,
          row.getOffsetDateTime("created_at"),
          row.getOffsetDateTime("updated_at"));
    }

    private static void put(JsonObject values, String key, String value) {
      if (value != null) {
        values.put(key, value);
      }
    }

    JsonObject toJson() {
      return new JsonObject()
          .put("id", id)
          .put("chatId", chatId)
          .put("queueId", queueId)
          .put("operatorId", operatorId)
          .put("occurredAt", iso(occurredAt))
          .put("durationSeconds", durationSeconds)
          .put("waitSeconds", waitSeconds)
          .put("values", values.copy())
          .put("createdAt", iso(createdAt))
          .put("updatedAt", iso(updatedAt));
    }
  }
}
