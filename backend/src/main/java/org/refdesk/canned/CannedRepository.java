package org.refdesk.canned;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;

/** Canned messages: the library's, and each operator's own. */
public final class CannedRepository {

  /** What a new library starts with; operators change them or add their own. */
  public static final List<Draft> STARTERS =
      List.of(
          new Draft(
              "Greeting",
              "Hi {patron.name}, I'm {operator.name} at {library.name}. Let me look into that for you.",
              "hi"),
          new Draft("One moment", "One moment while I look that up.", "moment"),
          new Draft(
              "Still looking", "Still looking — thanks for waiting, {patron.name}.", "looking"),
          new Draft(
              "Ask for e-mail",
              "Could you give me your e-mail address in case we get cut off? I can send the answer there.",
              "email"),
          new Draft(
              "Goodbye",
              "Thanks for asking {library.name}, {patron.name}. Come back any time!",
              "bye"));

  private final Pool pool;

  public CannedRepository(Pool pool) {
    this.pool = pool;
  }

  /** The library's messages and the operator's own, library ones first. */
  public Future<List<CannedMessage>> visibleTo(long libraryId, long operatorId) {
    return pool.preparedQuery(CannedSql.VISIBLE_TO)
        .execute(Tuple.of(libraryId, operatorId))
        .map(CannedRepository::all);
  }

  /** The library's own messages, none of any operator's. */
  public Future<List<CannedMessage>> libraryWide(long libraryId) {
    return pool.preparedQuery(CannedSql.LIBRARY_WIDE)
        .execute(Tuple.of(libraryId))
        .map(CannedRepository::all);
  }

  public Future<Optional<Owned>> find(long id) {
    return pool.preparedQuery(CannedSql.FIND)
        .execute(Tuple.of(id))
        .map(
            rows -> {
              var it = rows.iterator();
              if (!it.hasNext()) {
                return Optional.empty();
              }
              var row = it.next();
              return Optional.of(new Owned(row.getLong("library_id"), CannedMessage.from(row)));
            });
  }

  /** Fails with 409 {@code conflict} when the shortcut is taken in that scope. */
  public Future<CannedMessage> create(long libraryId, Long ownerId, Draft draft) {
    return insert(pool, libraryId, ownerId, draft);
  }

  public Future<CannedMessage> insert(SqlClient client, long libraryId, Long ownerId, Draft draft) {
    return client
        .preparedQuery(CannedSql.INSERT)
        .execute(Tuple.of(libraryId, ownerId, draft.title(), draft.body(), draft.shortcut()))
        .map(
            rows ->
                all(rows).stream().findFirst().orElseThrow(() -> shortcutTaken(draft.shortcut())));
  }

  public Future<CannedMessage> update(long id, Draft draft) {
    return pool.preparedQuery(CannedSql.UPDATE)
        .execute(Tuple.of(id, draft.title(), draft.body(), draft.shortcut()))
        .map(rows -> all(rows).get(0))
        .recover(
            e -> Future.failedFuture(isUniqueViolation(e) ? shortcutTaken(draft.shortcut()) : e));
  }

  public Future<Void> delete(long id) {
    return pool.preparedQuery(CannedSql.DELETE).execute(Tuple.of(id)).mapEmpty();
  }

  private static ApiException shortcutTaken(String shortcut) {
    return new ApiException(
        ErrorCode.CONFLICT, "The shortcut '/" + shortcut + "' is already in use here.");
  }

  private static boolean isUniqueViolation(Throwable e) {
    return e instanceof PgException pg && "23505".equals(pg.getSqlState());
  }

  private static List<CannedMessage> all(RowSet<Row> rows) {
    var list = new ArrayList<CannedMessage>();
    rows.forEach(row -> list.add(CannedMessage.from(row)));
    return list;
  }

  public record Draft(String title, String body, String shortcut) {}

  public record Owned(long libraryId, CannedMessage message) {}
}
