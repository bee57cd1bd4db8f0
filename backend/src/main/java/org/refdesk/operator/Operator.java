package org.refdesk.operator;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/** A librarian who signs in to the operator app; an admin also manages the library. */
public record Operator(
    long id, long libraryId, String username, String displayName, String role, boolean disabled) {

  public static final String ADMIN = "admin";
  public static final String OPERATOR = "operator";

  static Operator from(Row row) {
    return new Operator(
        row.getLong("id"),
        row.getLong("library_id"),
        row.getString("username"),
        row.getString("display_name"),
        row.getString("role"),
        row.getOffsetDateTime("disabled_at") != null);
  }

  public boolean isAdmin() {
    return ADMIN.equals(role);
  }

  /** The short form every client gets: who this is, what they may do, where they belong. */
  public JsonObject summary() {
    return new JsonObject()
        .put("id", id)
        .put("name", displayName)
        .put("role", role)
        .put("libraryId", libraryId);
  }

  /** The admin's view, with the username and whether the account is disabled. */
  public JsonObject details() {
    return summary().put("username", username).put("disabled", disabled);
  }
}
