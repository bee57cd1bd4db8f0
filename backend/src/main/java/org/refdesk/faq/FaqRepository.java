package org.refdesk.faq;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A library's FAQs in Postgres; every read and write names the library. */
public final class FaqRepository {

  private final Pool pool;

  public FaqRepository(Pool pool) {
    this.pool = pool;
  }

  /** What an FAQ says, as an admin writes it or a draft is made. */
  public record FaqFields(
      String question,
      String answerMarkdown,
      List<String> topics,
      String visibility,
      String language,
      JsonArray links) {}

  public Future<Faq> create(
      long libraryId, FaqFields fields, String status, Long sourceChatId, Long createdBy) {
    return insert(pool, libraryId, fields, status, sourceChatId, createdBy);
  }

  /** Inside the caller's transaction (the demo library's first run). */
  public Future<Faq> insert(
      SqlClient client,
      long libraryId,
      FaqFields fields,
      String status,
      Long sourceChatId,
      Long createdBy) {
    return client
        .preparedQuery(FaqSql.INSERT)
        .execute(
            Tuple.tuple()
                .addLong(libraryId)
                .addString(fields.question())
                .addString(fields.answerMarkdown())
                .addArrayOfString(fields.topics().toArray(String[]::new))
                .addString(fields.visibility())
                .addString(fields.language())
                .addValue(fields.links())
                .addString(status)
                .addLong(sourceChatId)
                .addLong(createdBy))
        .map(rows -> Faq.from(rows.iterator().next()));
  }

  public Future<Optional<Faq>> update(long libraryId, long id, FaqFields fields, long editor) {
    return pool.preparedQuery(FaqSql.UPDATE)
        .execute(
            Tuple.tuple()
                .addLong(id)
                .addLong(libraryId)
                .addString(fields.question())
                .addString(fields.answerMarkdown())
                .addArrayOfString(fields.topics().toArray(String[]::new))
                .addString(fields.visibility())
                .addString(fields.language())
                .addValue(fields.links())
                .addLong(editor))
        .map(FaqRepository::first);
  }

  public Future<Optional<Faq>> publish(long libraryId, long id, long reviewer) {
    return pool.preparedQuery(FaqSql.PUBLISH)
        .execute(Tuple.of(id, libraryId, reviewer))
        .map(FaqRepository::first);
  }

  public Future<Boolean> delete(long libraryId, long id) {
    return pool.preparedQuery(FaqSql.DELETE)
        .execute(Tuple.of(id, libraryId))
        .map(rows -> rows.rowCount() == 1);
  }

  public Future<Optional<Faq>> find(long libraryId, long id) {
    return pool.preparedQuery(FaqSql.FIND)
        .execute(Tuple.of(id, libraryId))
        .map(FaqRepository::first);
  }

  public Future<List<Faq>> all(long libraryId) {
    return pool.preparedQuery(FaqSql.ALL_IN_LIBRARY)
        .execute(Tuple.of(libraryId))
        .map(FaqRepository::list);
  }

  /** Published FAQs by question; {@code internal}: the staff-only ones too. */
  public Future<List<Faq>> published(long libraryId, boolean internal, int limit) {
    return pool.preparedQuery(FaqSql.PUBLISHED_IN_LIBRARY)
        .execute(Tuple.of(libraryId, internal, limit))
        .map(FaqRepository::list);
  }

  /** Published FAQs matching {@code tsquery} (built by {@link FaqQuery}), best first. */
  public Future<List<Faq>> search(long libraryId, String tsquery, boolean internal, int limit) {
    return pool.preparedQuery(FaqSql.SEARCH)
        .execute(Tuple.of(libraryId, tsquery, internal, limit))
        .map(FaqRepository::list);
  }

  /**
   * Up to {@code limit} of the library's published public FAQs for a patron's question: those
   * sharing any word with it, best first; the first by question when none does.
   */
  public Future<List<Faq>> publicFor(long libraryId, String question, int limit) {
    var query = FaqQuery.of(question == null ? "" : question, true);
    return (query.isPresent()
            ? search(libraryId, query.get(), false, limit)
            : Future.succeededFuture(List.<Faq>of()))
        .compose(
            found ->
                found.isEmpty()
                    ? published(libraryId, false, limit)
                    : Future.succeededFuture(found));
  }

  private static Optional<Faq> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(Faq.from(it.next())) : Optional.empty();
  }

  private static List<Faq> list(RowSet<Row> rows) {
    var list = new ArrayList<Faq>();
    rows.forEach(row -> list.add(Faq.from(row)));
    return list;
  }
}
