package org.refdesk.ticket;

import java.util.Map;
import org.refdesk.platform.web.ClientLimits;

/** How long what operators type into a ticket may be; told to the operator app through /api/me. */
final class TicketLimits implements ClientLimits {

  static final int SUBJECT_CHARS = 200;

  /** A written answer may be longer than a chat line. */
  static final int TEXT_CHARS = 20_000;

  static final int PAGE_ROWS_DEFAULT = 50;
  static final int PAGE_ROWS_MAX = 200;

  @Override
  public Map<String, Integer> limits() {
    return Map.of("ticketSubjectChars", SUBJECT_CHARS, "ticketTextChars", TEXT_CHARS);
  }
}
