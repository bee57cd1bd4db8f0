package org.refdesk.library;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
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

  public Future<List<Library>> all() {
    return pool.query(LibrarySql.ALL)
        .execute()
        .map(
            rows -> {
              var libraries = new ArrayList<Library>();
              rows.forEach(row -> libraries.add(library(row)));
              return libraries;
            });
  }

  /** A new library, inside the caller's transaction (its first admin is made in the same one). */
  public Future<Library> insert(SqlConnection conn, String name, String timezone) {
    return conn.preparedQuery(LibrarySql.INSERT)
        .execute(Tuple.of(name, timezone))
        .map(rows -> library(rows.iterator().next()));
  }

  /** Renames or moves the library to another time zone (null: as it is); empty when missing. */
  public Future<Optional<Library>> update(long id, String name, String timezone) {
    return pool.preparedQuery(LibrarySql.UPDATE)
        .execute(Tuple.of(id, name, timezone))
        .map(
            rows ->
                rows.iterator().hasNext()
                    ? Optional.of(library(rows.iterator().next()))
                    : Optional.empty());
  }

  private static Library library(Row row) {
    return new Library(row.getLong("id"), row.getString("name"), row.getString("timezone"));
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
