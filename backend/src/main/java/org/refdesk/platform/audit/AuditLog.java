package org.refdesk.platform.audit;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/** Who did what to whom: written in the same transaction as the change it records. */
public final class AuditLog {

  private static final String INSERT =
      """
      INSERT INTO audit_log (library_id, actor_kind, actor_id, action, target, detail)
      VALUES ($1, $2, $3, $4, $5, $6)
      """;

  private AuditLog() {}

  public static Future<Void> operatorDid(
      SqlClient client,
      long libraryId,
      long operatorId,
      String action,
      String target,
      JsonObject detail) {
    return record(client, libraryId, "operator", operatorId, action, target, detail);
  }

  public static Future<Void> systemDid(
      SqlClient client, Long libraryId, String action, String target, JsonObject detail) {
    return record(client, libraryId, "system", null, action, target, detail);
  }

  private static Future<Void> record(
      SqlClient client,
      Long libraryId,
      String actorKind,
      Long actorId,
      String action,
      String target,
      JsonObject detail) {
    return client
        .preparedQuery(INSERT)
        .execute(
            Tuple.of(
                libraryId,
                actorKind,
                actorId,
                action,
                target,
                detail == null ? new JsonObject() : detail))
        .mapEmpty();
  }
}
