package org.refdesk.transcript;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jsoup.nodes.Entities;
import org.refdesk.platform.mail.OutgoingMail;
import org.refdesk.transcript.TranscriptRepository.Transcript;

/**
 * A chat's transcript as an e-mail: what the patron saw, line by line, in the library's time zone;
 * plain text, and HTML with every user text (names, messages) escaped.
 */
final class TranscriptMail {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private TranscriptMail() {}

  static OutgoingMail of(Transcript transcript, String email) {
    var zone = zone(transcript.timezone());
    var day = DAY.format(transcript.startedAt().atZoneSameInstant(zone));
    var subject = "Your chat with " + transcript.libraryName() + " on " + day;
    var intro =
        "Here is your chat with "
            + transcript.libraryName()
            + " ("
            + transcript.queueName()
            + ") of "
            + day
            + ". Times are "
            + zone.getId()
            + ".";
    var plain = new StringBuilder(intro).append("\n\n");
    var html =
        new StringBuilder("<!DOCTYPE html><html><body><p>")
            .append(Entities.escape(intro))
            .append("</p><table style=\"border-collapse:collapse\">");
    for (var line : transcript.lines()) {
      var time = TIME.format(line.at().atZoneSameInstant(zone));
      var who = who(line);
      var words = words(line);
      plain.append('[').append(time).append("] ");
      html.append("<tr><td style=\"vertical-align:top;color:#555;padding:2px 8px 2px 0\">")
          .append(time)
          .append("</td><td style=\"padding:2px 0\">");
      if (who != null) {
        plain.append(who).append(": ");
        html.append("<strong>").append(Entities.escape(who)).append(":</strong> ");
      }
      plain.append(words).append('\n');
      html.append("<span style=\"white-space:pre-wrap\">")
          .append(Entities.escape(words))
          .append("</span></td></tr>");
    }
    var footer = "Reference: chat #" + transcript.chatId();
    plain.append("\n-- \n").append(footer).append('\n');
    html.append("</table><hr><p style=\"color:#555\">")
        .append(Entities.escape(footer))
        .append("</p></body></html>");
    return new OutgoingMail(email, subject, plain.toString(), html.toString());
  }

  /** Who wrote a message; events without a writer (joined, ended) have none. */
  private static String who(TranscriptRepository.Transcript.Line line) {
    if (!"message".equals(line.type())) {
      return null;
    }
    if (line.senderName() != null && !line.senderName().isBlank()) {
      return line.senderName();
    }
    return "patron".equals(line.senderKind()) ? "You" : "Librarian";
  }

  private static String words(TranscriptRepository.Transcript.Line line) {
    var name =
        line.senderName() == null || line.senderName().isBlank()
            ? "A librarian"
            : line.senderName();
    return switch (line.type()) {
      case "message" -> line.text() == null ? "" : line.text();
      case "claimed" -> name + " joined the chat.";
      default ->
          line.text() != null && !line.text().isBlank()
              ? "The chat ended: " + line.text()
              : "The chat ended.";
    };
  }

  private static ZoneId zone(String timezone) {
    try {
      return ZoneId.of(timezone);
    } catch (DateTimeException unknown) {
      return ZoneId.of("UTC");
    }
  }
}
