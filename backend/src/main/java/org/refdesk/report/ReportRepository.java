package org.refdesk.report;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowStream;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/** The reports' reads: each figure one statement, the statistics entries through a cursor. */
final class ReportRepository {

  /** The library's time zone and whether the queue asked for is one of its own. */
  record Context(String timezone, boolean queueKnown) {}

  /** A custom field of the statistics entries: its key in the entry's object and its label. */
  record CustomField(String key, String label) {

    /** The CSV heading: the form's label, or the key of a field the form no longer has. */
    String heading() {
      return label == null || label.isBlank() ? key : label;
    }
  }

  private final Pool pool;

  ReportRepository(Pool pool) {
    this.pool = pool;
  }

  Future<Optional<Context>> context(long libraryId, Long queueId) {
    return pool.preparedQuery(ReportSql.CONTEXT)
        .execute(Tuple.of(libraryId, queueId))
        .map(
            rows -> {
              var it = rows.iterator();
              if (!it.hasNext()) {
                return Optional.empty();
              }
              var row = it.next();
              return Optional.of(new Context(row.getString("timezone"), row.getBoolean(1)));
            });
  }

  Future<Table> figure(Figure figure, ReportFilter filter) {
    return pool.preparedQuery(figure.sql()).execute(filter.tuple()).map(Table::of);
  }

  /**
   * Reads the range's statistics entries in one transaction (a cursor needs one): their custom
   * fields first, then the entries as a stream that {@code work} drains; the transaction ends when
   * the work's future does.
   */
  <T> Future<T> entries(
      ReportFilter filter, BiFunction<List<CustomField>, RowStream<Row>, Future<T>> work) {
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(ReportSql.CUSTOM_FIELDS)
                .execute(filter.tuple())
                .map(
                    rows -> {
                      var fields = new ArrayList<CustomField>();
                      rows.forEach(
                          row -> fields.add(new CustomField(row.getString(0), row.getString(1))));
                      return List.copyOf(fields);
                    })
                .compose(
                    fields ->
                        conn.prepare(ReportSql.ENTRIES)
                            .compose(
                                statement ->
                                    work.apply(
                                            fields,
                                            statement.createStream(
                                                ReportLimits.ENTRY_FETCH_ROWS, filter.tuple()))
                                        .andThen(done -> statement.close()))));
  }
}
