package org.refdesk.ticket;

import org.jsoup.nodes.Entities;
import org.refdesk.platform.mail.OutgoingMail;

/**
 * The e-mails tickets send the patron: an operator's reply, and the receipt for a question left in
 * the widget. Plain text, and HTML with every user text escaped; both carry the link through which
 * the patron answers without an account.
 */
final class TicketMail {

  /** What a patron is told to expect when the library has not said in its own words. */
  static final String DEFAULT_ANSWER_TIME = "We answer within one working day.";

  private TicketMail() {}

  static OutgoingMail reply(Ticket ticket, String text, String replyLink) {
    var subject = "Re: " + ticket.subject() + " [#" + ticket.id() + "]";
    var footer = "Reference: ticket #" + ticket.id() + " (" + ticket.queueName() + ")";
    var answer = "To answer, open this link (it works for 30 days):";
    var plain = text + "\n\n" + answer + "\n" + replyLink + "\n\n-- \n" + footer + "\n";
    var html =
        "<!DOCTYPE html><html><body><div style=\"white-space: pre-wrap\">"
            + Entities.escape(text)
            + "</div>"
            + linkParagraph(answer, replyLink)
            + "<hr><p style=\"color:#555\">"
            + Entities.escape(footer)
            + "</p></body></html>";
    return new OutgoingMail(ticket.patronEmail(), subject, plain, html);
  }

  /**
   * The receipt for a question left while nobody was online: what was asked, and when to expect an
   * answer.
   */
  static OutgoingMail receipt(
      long ticketId,
      String libraryName,
      String queueName,
      String email,
      String name,
      String message,
      String answerTime,
      String replyLink) {
    var subject = "We have your question - " + libraryName + " [#" + ticketId + "]";
    var greeting = name == null ? "Hello," : "Hello " + name + ",";
    var thanks =
        "Thank you for your question to "
            + libraryName
            + " ("
            + queueName
            + "). We will answer at this address. "
            + (answerTime == null ? DEFAULT_ANSWER_TIME : answerTime);
    var add = "To add to your question, open this link (it works for 30 days):";
    var footer = "Reference: ticket #" + ticketId;
    var plain =
        greeting
            + "\n\n"
            + thanks
            + "\n\nYour question:\n"
            + message
            + "\n\n"
            + add
            + "\n"
            + replyLink
            + "\n\n-- \n"
            + footer
            + "\n";
    var html =
        "<!DOCTYPE html><html><body><p>"
            + Entities.escape(greeting)
            + "</p><p>"
            + Entities.escape(thanks)
            + "</p><p><strong>Your question:</strong></p><div style=\"white-space: pre-wrap\">"
            + Entities.escape(message)
            + "</div>"
            + linkParagraph(add, replyLink)
            + "<hr><p style=\"color:#555\">"
            + Entities.escape(footer)
            + "</p></body></html>";
    return new OutgoingMail(email, subject, plain, html);
  }

  private static String linkParagraph(String words, String link) {
    var escaped = Entities.escape(link);
    return "<p>"
        + Entities.escape(words)
        + "<br><a href=\""
        + escaped
        + "\">"
        + escaped
        + "</a></p>";
  }
}
