package org.refdesk.library;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;

/** Reads libraries. */
public final class LibraryRepository {

  private final Pool pool;

  public LibraryRepository(Pool pool) {
    this.pool = pool;
  }

  /** The library's settings over the defaults. */
  public Future<io.vertx.core.json.JsonObject> settings(long libraryId) {
    return pool.preparedQuery(LibrarySql.SETTINGS).execute(Tuple.of(libraryId))
        .map(rows -> LibrarySettings.effective(rows.iterator().hasNext() ? rows.iterator().next().getJsonObject("settings") : null));
  }

  public Future<io.vertx.core.json.JsonObject> updateSettings(long libraryId, io.vertx.core.json.JsonObject update) {
    return pool.preparedQuery(LibrarySql.MERGE_SETTINGS).execute(Tuple.of(libraryId, update))
        .map(rows -> LibrarySettings.effective(rows.iterator().next().getJsonObject("settings")));
  }

  public Future<Optional<Library>> find(long id) {
    return pool.preparedQuery(LibrarySql.FIND).execute(Tuple.of(id)).map(rows -> {
      var it = rows.iterator();
      if (!it.hasNext()) {
        return Optional.empty();
      }
      var row = it.next();
      return Optional.of(new Library(row.getLong("id"), row.getString("name"), row.getString("timezone")));
    });
  }
}
