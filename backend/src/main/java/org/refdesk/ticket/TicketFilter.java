package org.refdesk.ticket;

/**
 * What the ticket list is narrowed to: a status, a queue, an assignee ({@code any}, {@code none} or
 * {@code id} with {@code assigneeId}), and a page.
 */
record TicketFilter(
    String status, Long queueId, String assignee, Long assigneeId, int limit, int offset) {

  static final String ANY = "any";
  static final String NONE = "none";
  static final String BY_ID = "id";
}
