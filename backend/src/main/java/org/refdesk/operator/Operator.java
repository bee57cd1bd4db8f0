package org.refdesk.operator;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/**
 * A librarian who signs in to the operator app. The role says what else they may do: a library
 * admin ({@code admin}) runs their library; a co-op coordinator runs the co-ops their library belongs
 * to; a system admin runs the installation and is their own library's admin too. {@link Roles} says
 * who may grant which.
 */
public record Operator(
    long id, long libraryId, String username, String displayName, String role, boolean disabled) {

  public static final String OPERATOR = "operator";
  public static final String ADMIN = "admin";
  public static final String COORDINATOR = "coordinator";
  public static final String SYSTEM = "system";

  static Operator from(Row row) {
    return new Operator(
        row.getLong("id"),
        row.getLong("library_id"),
        row.getString("username"),
        row.getString("display_name"),
        row.getString("role"),
        row.getOffsetDateTime("disabled_at") != null);
  }

  /** Runs their own library: a library admin, or a system admin in their own library. */
  public boolean isAdmin() {
    return ADMIN.equals(role) || SYSTEM.equals(role);
  }

  /** Runs the co-ops their library belongs to. */
  public boolean coordinatesCoops() {
    return COORDINATOR.equals(role) || SYSTEM.equals(role);
  }

  /** Runs the installation: creates libraries and co-ops. */
  public boolean isSystemAdmin() {
    return SYSTEM.equals(role);
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
