package org.refdesk.coop;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.refdesk.chat.ChatEvent;

/** Co-ops, their members and queues, queues' routes and the roll-up, in Postgres. */
final class CoopRepository {

  private final Pool pool;

  CoopRepository(Pool pool) {
    this.pool = pool;
  }

  Pool pool() {
    return pool;
  }

  Future<Set<Long>> coopsOf(long libraryId) {
    return pool.preparedQuery(CoopSql.COOPS_OF_LIBRARY)
        .execute(Tuple.of(libraryId))
        .map(
            rows -> {
              var ids = new HashSet<Long>();
              rows.forEach(row -> ids.add(row.getLong("coop_id")));
              return Set.copyOf(ids);
            });
  }

  Future<List<Coop>> all() {
    return pool.query(CoopSql.ALL_COOPS).execute().map(rows -> mapped(rows, Coop::from));
  }

  Future<List<Coop>> withMember(long libraryId) {
    return pool.preparedQuery(CoopSql.COOPS_WITH_MEMBER)
        .execute(Tuple.of(libraryId))
        .map(rows -> mapped(rows, Coop::from));
  }

  Future<Optional<Coop>> byId(long coopId) {
    return pool.preparedQuery(CoopSql.COOP_BY_ID)
        .execute(Tuple.of(coopId))
        .map(rows -> first(rows).map(Coop::from));
  }

  Future<Boolean> libraryExists(long libraryId) {
    return pool.preparedQuery(CoopSql.LIBRARY_EXISTS)
        .execute(Tuple.of(libraryId))
        .map(rows -> rows.iterator().next().getBoolean("found"));
  }

  /** Empty when a co-op of that name exists already. */
  Future<Optional<Long>> create(SqlConnection conn, String name, long hostLibraryId) {
    return conn.preparedQuery(CoopSql.INSERT_COOP)
        .execute(Tuple.of(name, hostLibraryId))
        .map(rows -> first(rows).map(row -> row.getLong("id")));
  }

  /** False when the library was a member already. */
  Future<Boolean> addMember(SqlConnection conn, long coopId, long libraryId) {
    return conn.preparedQuery(CoopSql.INSERT_MEMBER)
        .execute(Tuple.of(coopId, libraryId))
        .map(rows -> rows.size() > 0);
  }

  /** False when the library was no member. */
  Future<Boolean> removeMember(SqlConnection conn, long coopId, long libraryId) {
    return conn.preparedQuery(CoopSql.DELETE_MEMBER)
        .execute(Tuple.of(coopId, libraryId))
        .map(rows -> rows.size() > 0);
  }

  Future<List<CoopQueue>> queues(long coopId) {
    return pool.preparedQuery(CoopSql.COOP_QUEUES)
        .execute(Tuple.of(coopId))
        .map(rows -> mapped(rows, CoopQueue::from));
  }

  Future<List<CoopQueue>> queuesForLibrary(long libraryId) {
    return pool.preparedQuery(CoopSql.QUEUES_FOR_LIBRARY)
        .execute(Tuple.of(libraryId))
        .map(rows -> mapped(rows, CoopQueue::from));
  }

  /** Empty when the slug is taken. */
  Future<Optional<Long>> createQueue(
      SqlConnection conn, long coopId, String slug, String name, JsonObject settings) {
    return conn.preparedQuery(CoopSql.INSERT_COOP_QUEUE)
        .execute(Tuple.of(coopId, slug, name, settings))
        .map(rows -> first(rows).map(row -> row.getLong("id")));
  }

  Future<Boolean> updateQueue(
      SqlConnection conn, long coopId, long queueId, String name, JsonObject settings) {
    return conn.preparedQuery(CoopSql.UPDATE_COOP_QUEUE)
        .execute(Tuple.of(coopId, queueId, name, settings))
        .map(rows -> rows.size() > 0);
  }

  Future<JsonArray> assignments(long libraryId) {
    return pool.preparedQuery(CoopSql.ASSIGNMENTS)
        .execute(Tuple.of(libraryId))
        .map(
            rows -> {
              var list = new JsonArray();
              rows.forEach(
                  row ->
                      list.add(
                          new JsonObject()
                              .put("operatorId", row.getLong("id"))
                              .put("name", row.getString("display_name"))
                              .put(
                                  "coopQueueIds",
                                  new JsonArray(List.of(row.getArrayOfLongs("queue_ids"))))));
              return list;
            });
  }

  Future<Boolean> operatorInLibrary(long operatorId, long libraryId) {
    return pool.preparedQuery(CoopSql.OPERATOR_IN_LIBRARY)
        .execute(Tuple.of(operatorId, libraryId))
        .map(rows -> rows.iterator().next().getBoolean("found"));
  }

  /** False when the queue is no co-op queue of the library's co-ops (or was given already). */
  Future<Boolean> assign(SqlConnection conn, long operatorId, long queueId, long libraryId) {
    return conn.preparedQuery(CoopSql.ASSIGN)
        .execute(Tuple.of(operatorId, queueId, libraryId))
        .map(rows -> rows.size() > 0);
  }

  Future<Void> unassign(SqlConnection conn, long operatorId, long queueId, long libraryId) {
    return conn.preparedQuery(CoopSql.UNASSIGN)
        .execute(Tuple.of(operatorId, queueId, libraryId))
        .mapEmpty();
  }

  /** The library's own queues as {@code {id, slug, name}}. */
  Future<JsonArray> ownQueues(long libraryId) {
    return pool.preparedQuery(CoopSql.OWN_QUEUES)
        .execute(Tuple.of(libraryId))
        .map(
            rows -> {
              var list = new JsonArray();
              rows.forEach(
                  row ->
                      list.add(
                          new JsonObject()
                              .put("id", row.getLong("id"))
                              .put("slug", row.getString("slug"))
                              .put("name", row.getString("name"))));
              return list;
            });
  }

  Future<List<Route>> routesFrom(long queueId) {
    return pool.preparedQuery(CoopSql.ROUTES_FROM)
        .execute(Tuple.of(queueId))
        .map(rows -> mapped(rows, Route::from));
  }

  /** Every route as from-queue → its targets. */
  Future<Map<Long, List<Long>>> routeEdges() {
    return pool.query(CoopSql.ALL_ROUTE_EDGES)
        .execute()
        .map(
            rows -> {
              var edges = new HashMap<Long, List<Long>>();
              rows.forEach(
                  row ->
                      edges
                          .computeIfAbsent(row.getLong("queue_id"), k -> new ArrayList<>())
                          .add(row.getLong("to_queue_id")));
              return edges;
            });
  }

  Future<String> timezone(long libraryId) {
    return pool.preparedQuery(CoopSql.LIBRARY_TIMEZONE)
        .execute(Tuple.of(libraryId))
        .map(rows -> first(rows).map(row -> row.getString("timezone")).orElse("UTC"));
  }

  /** The queue's whole cascade, replaced in the caller's transaction. */
  Future<Void> replaceRoutes(
      SqlConnection conn, long queueId, long libraryId, List<RouteRules.Step> steps) {
    var numbers = new Integer[steps.size()];
    var targets = new Long[steps.size()];
    var conditions = new String[steps.size()];
    var after = new Integer[steps.size()];
    for (int i = 0; i < steps.size(); i++) {
      numbers[i] = i + 1;
      targets[i] = steps.get(i).toQueueId();
      conditions[i] = steps.get(i).condition();
      after[i] = steps.get(i).afterSeconds();
    }
    return conn.preparedQuery(CoopSql.DELETE_ROUTES)
        .execute(Tuple.of(queueId))
        .compose(
            v ->
                conn.preparedQuery(CoopSql.INSERT_ROUTES)
                    .execute(Tuple.of(queueId, libraryId, numbers, targets, conditions, after)))
        .mapEmpty();
  }

  /** Moves every chat due to roll up, with its routed event; see {@link CoopSql#ROLL_UP}. */
  Future<List<Moved>> rollUp(String toCoopLine, String toQueueLine) {
    return pool.preparedQuery(CoopSql.ROLL_UP)
        .execute(Tuple.of(toCoopLine, toQueueLine))
        .map(rows -> mapped(rows, Moved::from));
  }

  /** The routed event of a chat that started in another queue than the one asked. */
  Future<JsonObject> routedAtStart(long chatId, String line) {
    return pool.preparedQuery(CoopSql.ROUTED_AT_START)
        .execute(Tuple.of(chatId, line))
        .map(rows -> ChatEvent.from(rows.iterator().next()));
  }

  Future<JsonArray> report(long coopId, OffsetDateTime from, OffsetDateTime to) {
    var perLibrary = pool.preparedQuery(CoopSql.REPORT).execute(Tuple.of(coopId, from, to));
    var answeredFor =
        pool.preparedQuery(CoopSql.ANSWERED_BY_LIBRARY).execute(Tuple.of(coopId, from, to));
    return Future.all(perLibrary, answeredFor)
        .map(
            done -> {
              var forOthers = new HashMap<Long, Long>();
              answeredFor
                  .result()
                  .forEach(
                      row ->
                          forOthers.put(
                              row.getLong("library_id"), row.getLong("answered_for_others")));
              var list = new JsonArray();
              perLibrary
                  .result()
                  .forEach(
                      row ->
                          list.add(
                              new JsonObject()
                                  .put("libraryId", row.getLong("library_id"))
                                  .put("libraryName", row.getString("library_name"))
                                  .put("routed", row.getLong("routed"))
                                  .put("answered", row.getLong("answered"))
                                  .put("answeredByCoop", row.getLong("answered_by_coop"))
                                  .put(
                                      "answeredForOthers",
                                      forOthers.getOrDefault(row.getLong("library_id"), 0L))));
              return list;
            });
  }

  private static <T> List<T> mapped(RowSet<Row> rows, Function<Row, T> mapper) {
    var list = new ArrayList<T>(rows.size());
    rows.forEach(row -> list.add(mapper.apply(row)));
    return list;
  }

  private static Optional<Row> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
  }

  /** A co-op with its host and members ({@code [{id, name}]}). */
  record Coop(
      long id,
      String name,
      long hostLibraryId,
      String hostName,
      JsonArray members,
      OffsetDateTime createdAt) {

    static Coop from(Row row) {
      var members = row.getValue("members");
      return new Coop(
          row.getLong("id"),
          row.getString("name"),
          row.getLong("host_library_id"),
          row.getString("host_name"),
          members instanceof JsonArray array ? array : new JsonArray(String.valueOf(members)),
          row.getOffsetDateTime("created_at"));
    }

    boolean hasMember(long libraryId) {
      return members.stream()
          .anyMatch(m -> m instanceof JsonObject o && o.getLong("id") == libraryId);
    }

    JsonObject toJson() {
      return new JsonObject()
          .put("id", id)
          .put("name", name)
          .put("host", new JsonObject().put("id", hostLibraryId).put("name", hostName))
          .put("members", members.copy())
          .put("createdAt", ChatEvent.iso(createdAt));
    }
  }

  /** A co-op's queue: its language, label and colour are in its settings. */
  record CoopQueue(
      long id, String slug, String name, JsonObject settings, long coopId, String coopName) {

    static CoopQueue from(Row row) {
      return new CoopQueue(
          row.getLong("id"),
          row.getString("slug"),
          row.getString("name"),
          row.getValue("settings") instanceof JsonObject s ? s : new JsonObject(),
          row.getLong("coop_id"),
          row.getString("coop_name"));
    }

    JsonObject toJson() {
      return new JsonObject()
          .put("id", id)
          .put("slug", slug)
          .put("name", name)
          .put("coopId", coopId)
          .put("coopName", coopName)
          .put("language", settings.getString(CoopQueueInput.LANGUAGE, "en"))
          .put("label", settings.getString(CoopQueueInput.LABEL))
          .put("colour", settings.getString(CoopQueueInput.COLOUR));
    }
  }

  /** A chat the roll-up moved, and its routed event. */
  record Moved(
      long chatId,
      long fromQueueId,
      long toQueueId,
      Long coopId,
      long libraryId,
      String libraryName,
      OffsetDateTime arrivedAt,
      String patronName,
      String question,
      JsonObject event) {

    static Moved from(Row row) {
      return new Moved(
          row.getLong("id"),
          row.getLong("from_queue_id"),
          row.getLong("queue_id"),
          row.getLong("coop_id"),
          row.getLong("library_id"),
          row.getString("library_name"),
          row.getOffsetDateTime("arrived_at"),
          row.getString("patron_name"),
          row.getString("question"),
          ChatEvent.from(row));
    }
  }
}
