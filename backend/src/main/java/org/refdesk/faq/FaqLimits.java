package org.refdesk.faq;

import java.util.Map;

/** What an FAQ and a search may hold, declared once and told to the operator app. */
public final class FaqLimits {

  private FaqLimits() {}

  public static final int QUESTION_CHARS = 300;
  public static final int ANSWER_CHARS = 10_000;
  public static final int TOPICS = 10;
  public static final int TOPIC_CHARS = 60;
  public static final int LINKS = 10;
  public static final int LINK_TITLE_CHARS = 200;
  public static final int LINK_URL_CHARS = 2000;
  public static final int QUERY_CHARS = 200;

  /** Words of a query that count; the rest of a long question adds little but cost. */
  static final int QUERY_WORDS = 16;

  /** Results of one search at most; suggestions ask for fewer. */
  static final int SEARCH_RESULTS = 20;

  /** FAQs a library's public page lists at most. */
  static final int PAGE_FAQS = 500;

  /** The answer's excerpt in a list of results, in characters. */
  static final int EXCERPT_CHARS = 180;

  /** Reads of the public FAQ routes from one address per minute (the widget and the page). */
  static final int PUBLIC_READS_PER_MINUTE = 60;

  static final int PUBLIC_WINDOW_SECONDS = 60;

  /** What {@code /api/me} tells the operator app. */
  static Map<String, Integer> forClients() {
    return Map.of(
        "faqQuestionChars", QUESTION_CHARS,
        "faqAnswerChars", ANSWER_CHARS,
        "faqTopics", TOPICS,
        "faqLinks", LINKS,
        "faqSearchChars", QUERY_CHARS);
  }
}
