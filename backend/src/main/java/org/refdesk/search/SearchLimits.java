package org.refdesk.search;

import java.util.Map;
import org.refdesk.platform.web.ClientLimits;

/** What a search may ask for; the query's length is told to the operator app through /api/me. */
final class SearchLimits implements ClientLimits {

  /** Characters of the words typed, after trimming. */
  static final int QUERY_CHARS = 200;

  /** Words taken from the query; more than this is refused rather than silently cut. */
  static final int QUERY_WORDS = 12;

  /** Results per page: fixed, so a page is always cheap to rank and to show. */
  static final int PAGE_ROWS = 20;

  /** The furthest page: 1,000 results. Past that, a narrower search finds it sooner. */
  static final int PAGES = 50;

  /** Counting stops here when there are no words to rank by ("1000+"). */
  static final int COUNT_CAP = PAGE_ROWS * PAGES;

  @Override
  public Map<String, Integer> limits() {
    return Map.of("searchQueryChars", QUERY_CHARS);
  }
}
