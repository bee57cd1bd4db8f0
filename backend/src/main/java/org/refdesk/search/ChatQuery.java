package org.refdesk.search;

import java.time.LocalDate;
import java.util.List;

/**
 * A transcript search: the words (none: newest first), the libraries searched and the library whose
 * time zone the dates are days of, and the filters (null: any). {@code page} counts from 1.
 */
public record ChatQuery(
    List<Long> libraries,
    long timezoneOf,
    SearchWords words,
    LocalDate from,
    LocalDate to,
    Long queueId,
    Long operatorId,
    Long tagId,
    Integer rating,
    String state,
    int page) {

  /** The states an ended-or-missed chat can be in, the only ones a search finds. */
  public static final List<String> STATES = List.of("ended", "missed");

  /** A search for these words in one library and no filter: what the bench runs. */
  public static ChatQuery of(long libraryId, String words, int page) {
    return new ChatQuery(
        List.of(libraryId),
        libraryId,
        SearchWords.parse(words),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        page);
  }

  /** The same search within these days (either may be null) and this queue (null: any). */
  public ChatQuery within(LocalDate fromDay, LocalDate toDay, Long queue) {
    return new ChatQuery(
        libraries,
        timezoneOf,
        words,
        fromDay,
        toDay,
        queue,
        operatorId,
        tagId,
        rating,
        state,
        page);
  }
}
