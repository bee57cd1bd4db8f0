package org.refdesk.embed;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.refdesk.platform.audit.AuditLog;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;

/** The sites each library lets embed its widget, in Postgres; every write is audited with it. */
final class LibrarySiteRepository {

  /** What adding a site came to. */
  enum Added {
    ADDED,
    ALREADY_LISTED
  }

  private final Pool pool;

  LibrarySiteRepository(Pool pool) {
    this.pool = pool;
  }

  /** Every library's sites, for an event loop's memory. */
  Future<Map<Long, Set<String>>> all() {
    return pool.preparedQuery(LibrarySiteSql.ALL)
        .execute()
        .map(
            rows -> {
              var byLibrary = new HashMap<Long, Set<String>>();
              rows.forEach(
                  row ->
                      byLibrary
                          .computeIfAbsent(row.getLong("library_id"), id -> new HashSet<>())
                          .add(row.getString("origin")));
              return byLibrary;
            });
  }

  Future<List<LibrarySite>> of(long libraryId) {
    return pool.preparedQuery(LibrarySiteSql.OF_LIBRARY)
        .execute(Tuple.of(libraryId))
        .map(
            rows -> {
              var sites = new ArrayList<LibrarySite>();
              rows.forEach(row -> sites.add(LibrarySite.from(row)));
              return sites;
            });
  }

  /** Adds the site unless the library already lists it; 409 when the library's list is full. */
  Future<Added> add(long libraryId, String origin, long operatorId) {
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(LibrarySiteSql.LOCK_LIBRARY)
                .execute(Tuple.of(libraryId))
                .compose(
                    locked -> conn.preparedQuery(LibrarySiteSql.COUNT).execute(Tuple.of(libraryId)))
                .compose(
                    counted -> {
                      long listed = counted.iterator().next().getLong(0);
                      return conn.preparedQuery(LibrarySiteSql.INSERT)
                          .execute(Tuple.of(libraryId, origin, operatorId))
                          .compose(
                              inserted -> {
                                if (inserted.rowCount() == 0) {
                                  return Future.succeededFuture(Added.ALREADY_LISTED);
                                }
                                if (listed >= EmbedLimits.SITES_PER_LIBRARY) {
                                  // Rolled back with the transaction.
                                  return Future.failedFuture(full());
                                }
                                return AuditLog.operatorDid(
                                        conn,
                                        libraryId,
                                        operatorId,
                                        "widget.site-added",
                                        origin,
                                        new JsonObject())
                                    .map(Added.ADDED);
                              });
                    }));
  }

  /** Removes the site; false when the library did not list it. */
  Future<Boolean> remove(long libraryId, String origin, long operatorId) {
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(LibrarySiteSql.DELETE)
                .execute(Tuple.of(libraryId, origin))
                .compose(
                    deleted ->
                        deleted.rowCount() == 0
                            ? Future.succeededFuture(false)
                            : AuditLog.operatorDid(
                                    conn,
                                    libraryId,
                                    operatorId,
                                    "widget.site-removed",
                                    origin,
                                    new JsonObject())
                                .map(true)));
  }

  private static ApiException full() {
    return new ApiException(
        ErrorCode.CONFLICT,
        "A library may list at most "
            + EmbedLimits.SITES_PER_LIBRARY
            + " sites; remove one before adding another.");
  }
}
