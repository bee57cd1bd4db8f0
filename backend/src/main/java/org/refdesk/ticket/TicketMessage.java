package org.refdesk.ticket;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;

/**
 * One message of a ticket: a reply to the patron (with where its mail stands), mail from the
 * patron, or an internal note.
 */
public record TicketMessage(
    long id,
    String kind,
    Long authorId,
    String authorName,
    String text,
    OffsetDateTime at,
    String mailStatus,
    String mailError) {

  public static final String TO_PATRON = "to_patron";
  public static final String FROM_PATRON = "from_patron";
  public static final String NOTE = "note";

  /** The chat a ticket was made from, as it was written; never mailed. */
  public static final String TRANSCRIPT = "transcript";

  static TicketMessage from(Row row) {
    return new TicketMessage(
        row.getLong("id"),
        row.getString("kind"),
        row.getLong("author_id"),
        row.getString("author_name"),
        row.getString("body"),
        row.getOffsetDateTime("created_at"),
        row.getString("mail_status"),
        row.getString("mail_error"));
  }

  public JsonObject toJson() {
    var json =
        new JsonObject()
            .put("id", id)
            .put("kind", kind)
            .put(
                "author",
                authorId == null
                    ? null
                    : new JsonObject().put("id", authorId).put("name", authorName))
            .put("text", text)
            .put("at", at.toInstant().toString());
    if (mailStatus != null) {
      // "queued" with the reason (no SMTP, the server's refusal), or "sent".
      json.put("mail", new JsonObject().put("status", mailStatus).put("error", mailError));
    }
    return json;
  }
}
