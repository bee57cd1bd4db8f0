package org.refdesk.library;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;

/** Reads libraries. */
public final class LibraryRepository {

  private final Pool pool;

  public LibraryRepository(Pool pool) {
    this.pool = pool;
  }

  /** The library's settings over the defaults. */
  public Future<JsonObject> settings(long libraryId) {
    return pool.preparedQuery(LibrarySql.SETTINGS)
        .execute(Tuple.of(libraryId))
        .map(
            rows ->
                LibrarySettings.effective(
                    rows.iterator().hasNext() ? stored(rows.iterator().next()) : null));
  }

  public Future<JsonObject> updateSettings(long libraryId, JsonObject update) {
    return pool.preparedQuery(LibrarySql.MERGE_SETTINGS)
        .execute(Tuple.of(libraryId, update))
        .map(rows -> LibrarySettings.effective(stored(rows.iterator().next())));
  }

  /**
   * The stored settings if they are an object; anything else written by hand counts as none set.
   */
  private static JsonObject stored(Row row) {
    return row.getValue("settings") instanceof JsonObject object ? object : null;
  }

  public Future<Optional<Library>> find(long id) {
    return pool.preparedQuery(LibrarySql.FIND)
        .execute(Tuple.of(id))
        .map(
            rows -> {
              var it = rows.iterator();
              if (!it.hasNext()) {
                return Optional.empty();
              }
              var row = it.next();
              return Optional.of(
                  new Library(row.getLong("id"), row.getString("name"), row.getString("timezone")));
            });
  }
}
