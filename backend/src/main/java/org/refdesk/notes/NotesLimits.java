package org.refdesk.notes;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/** What a library note, the staleness age and a local-only topic may hold, declared once. */
public final class NotesLimits {

  private NotesLimits() {}

  /** The sections of the home library card, in the order it shows them. */
  public static final List<String> TOPICS =
      List.of("hours", "renewals", "fines", "accounts", "contacts", "links", "other");

  public static final int TITLE_CHARS = 120;
  public static final int BODY_CHARS = 4000;
  public static final int LINKS = 10;
  public static final int LINK_TITLE_CHARS = 200;
  public static final int LINK_URL_CHARS = 2000;

  /** Notes one library keeps at most: a card longer than this is no longer read in a chat. */
  public static final int NOTES_PER_LIBRARY = 100;

  public static final int KEYWORDS = 20;
  public static final int KEYWORD_CHARS = 60;

  public static final int STALE_DAYS_DEFAULT = 180;
  public static final int STALE_DAYS_MIN = 1;
  public static final int STALE_DAYS_MAX = 3650;

  /** The note an operator sends home with a question. */
  public static final int SEND_HOME_NOTE_CHARS = 2000;

  /** FAQs of the home library the card offers at most. */
  static final int CARD_FAQS = 5;

  /** The FAQ answer's excerpt on the card, in characters. */
  static final int FAQ_EXCERPT_CHARS = 180;

  /** Latest events of the chat read for the patron's words that touch a local-only topic. */
  static final int MATCHED_EVENTS = 50;

  /**
   * What the operator app's note forms hold to, sent with the notes and the card that the forms
   * belong to, so the app writes no number of its own.
   */
  static JsonObject forClients() {
    return new JsonObject(
        Map.of(
            "noteTitleChars", TITLE_CHARS,
            "noteBodyChars", BODY_CHARS,
            "noteLinks", LINKS,
            "noteKeywords", KEYWORDS,
            "noteKeywordChars", KEYWORD_CHARS,
            "noteStaleDaysMax", STALE_DAYS_MAX,
            "sendHomeNoteChars", SEND_HOME_NOTE_CHARS,
            "noteStaleDaysMin", STALE_DAYS_MIN));
  }
}
