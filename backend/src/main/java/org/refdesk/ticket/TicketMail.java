package org.refdesk.ticket;

import org.jsoup.nodes.Entities;
import org.refdesk.platform.mail.OutgoingMail;

/** The e-mail a reply to the patron becomes: plain text, and HTML with every user text escaped. */
final class TicketMail {

  private TicketMail() {}

  static OutgoingMail reply(Ticket ticket, String text) {
    var subject = "Re: " + ticket.subject() + " [#" + ticket.id() + "]";
    var footer = "Reference: ticket #" + ticket.id() + " (" + ticket.queueName() + ")";
    var plain = text + "\n\n-- \n" + footer + "\n";
    var html =
        "<!DOCTYPE html><html><body><div style=\"white-space: pre-wrap\">"
            + Entities.escape(text)
            + "</div><hr><p style=\"color:#555\">"
            + Entities.escape(footer)
            + "</p></body></html>";
    return new OutgoingMail(ticket.patronEmail(), subject, plain, html);
  }
}
