package org.refdesk.ticket;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A chat's events as the plain text a ticket keeps: who wrote what and when, who joined, how it
 * ended. Wait notices and typing are left out; they say nothing about the question.
 */
final class TicketTranscript {

  /** More than any real chat holds; a longer one is cut and says so. */
  static final int MAX_EVENTS = 2_000;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private TicketTranscript() {}

  static String of(List<JsonObject> events) {
    var text = new StringBuilder();
    for (var event : events) {
      var line = line(event);
      if (line != null) {
        text.append('[')
            .append(TIME.format(Instant.parse(event.getString("at"))))
            .append("] ")
            .append(line)
            .append('\n');
      }
    }
    if (events.size() >= MAX_EVENTS) {
      text.append("(The chat goes on; only its first ")
          .append(MAX_EVENTS)
          .append(" events are here.)\n");
    }
    return text.isEmpty() ? "(The chat has no messages.)" : text.toString().stripTrailing();
  }

  private static String line(JsonObject event) {
    var from = event.getJsonObject("from", new JsonObject());
    var name = from.getString("name", "?");
    return switch (event.getString("type", "")) {
      case "message" -> name + ": " + event.getString("text", "");
      case "claimed" -> name + " joined the chat.";
      case "ended" ->
          event.getString("text") == null
              ? "The chat ended (" + name + ")."
              : "The chat ended: " + event.getString("text");
      default -> null;
    };
  }
}
