package org.refdesk.search;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The searches in Postgres: one statement per page, a second only for a page past the last. */
final class SearchRepository {

  private final Pool pool;

  SearchRepository(Pool pool) {
    this.pool = pool;
  }

  Future<SearchResults> chats(ChatQuery query) {
    var page = SearchSql.chats(query);
    return pool.preparedQuery(page.sql())
        .execute(page.params())
        .compose(
            rows -> {
              var results = all(rows, SearchResults::chat);
              if (!results.isEmpty() || query.page() == 1) {
                return Future.succeededFuture(SearchResults.of(results, query.page(), total(rows)));
              }
              var count = SearchSql.chatsTotal(query);
              return pool.preparedQuery(count.sql())
                  .execute(count.params())
                  .map(
                      counted ->
                          SearchResults.of(
                              results, query.page(), counted.iterator().next().getLong("total")));
            });
  }

  /** The queues, operators and tags of the libraries, by kind, each {id, name}. */
  Future<JsonObject> choices(List<Long> libraries) {
    return pool.preparedQuery(SearchSql.CHOICES)
        .execute(Tuple.of(libraries.toArray(new Long[0])))
        .map(
            rows -> {
              var choices =
                  new JsonObject()
                      .put("queues", new JsonArray())
                      .put("operators", new JsonArray())
                      .put("tags", new JsonArray());
              rows.forEach(
                  row ->
                      choices
                          .getJsonArray(row.getString("kind") + "s")
                          .add(
                              new JsonObject()
                                  .put("id", row.getLong("id"))
                                  .put("name", row.getString("name"))));
              return choices;
            });
  }

  Future<SearchResults> tickets(TicketQuery query) {
    var page = SearchSql.tickets(query);
    return pool.preparedQuery(page.sql())
        .execute(page.params())
        .map(rows -> SearchResults.of(all(rows, SearchResults::ticket), query.page(), total(rows)));
  }

  /** Every row carries the total; none means nothing was found (on the first page). */
  private static long total(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? it.next().getLong("total") : 0;
  }

  private static List<JsonObject> all(RowSet<Row> rows, Function<Row, JsonObject> map) {
    var list = new ArrayList<JsonObject>();
    rows.forEach(row -> list.add(map.apply(row)));
    return list;
  }
}
