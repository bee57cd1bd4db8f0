package org.refdesk.search;

import java.time.LocalDate;
import java.util.List;

/**
 * A ticket search: the words (none: most recently changed first), the libraries searched, and the
 * filters (null: any). {@code unassigned} asks for tickets nobody holds. {@code page} counts from
 * 1.
 */
record TicketQuery(
    List<Long> libraries,
    long timezoneOf,
    SearchWords words,
    LocalDate from,
    LocalDate to,
    String status,
    Long queueId,
    Long assigneeId,
    boolean unassigned,
    int page) {}
