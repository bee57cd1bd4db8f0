package org.refdesk.ticket;

import org.refdesk.auth.SignedLinks;

/**
 * The address of the page where a patron reads a ticket's thread and answers it, signed for that
 * ticket.
 */
final class ReplyLinks {

  static final String PAGE = "/reply/";

  private final SignedLinks links;
  private final String publicUrl;

  ReplyLinks(SignedLinks links, String publicUrl) {
    this.links = links;
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  String forTicket(long ticketId, long libraryId) {
    return publicUrl + PAGE + "?t=" + links.issue(ticketId, libraryId);
  }

  SignedLinks.Ticket verify(String token) {
    return links.verify(token);
  }
}
