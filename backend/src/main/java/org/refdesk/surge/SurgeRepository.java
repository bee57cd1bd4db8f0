package org.refdesk.surge;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Who of a library is on call, and how many chats arrived since a moment. */
public final class SurgeRepository {

  private final Pool pool;

  public SurgeRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<List<Long>> onCall(long libraryId) {
    return pool.preparedQuery(SurgeSql.ON_CALL)
        .execute(Tuple.of(libraryId))
        .map(
            rows -> {
              var ids = new ArrayList<Long>();
              rows.forEach(row -> ids.add(row.getLong("id")));
              return ids;
            });
  }

  public Future<Long> arrivalsSince(long libraryId, Instant since) {
    return pool.preparedQuery(SurgeSql.ARRIVALS_SINCE)
        .execute(Tuple.of(libraryId, OffsetDateTime.ofInstant(since, ZoneOffset.UTC)))
        .map(rows -> rows.iterator().next().getLong("arrived"));
  }
}
