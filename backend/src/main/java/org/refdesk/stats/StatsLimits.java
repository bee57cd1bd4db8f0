package org.refdesk.stats;

import java.util.Map;

/**
 * The limits of a statistics form and of what an entry holds, told to the operator app as they are.
 */
final class StatsLimits {

  private StatsLimits() {}

  static final int FIELDS = 20;
  static final int KEY_CHARS = 40;
  static final int LABEL_CHARS = 100;
  static final int CHOICES = 40;

  /** The built-in columns question_type, location and referred_by hold at most this many. */
  static final int CHOICE_CHARS = 200;

  static final int TEXT_CHARS = 200;
  static final int NOTES_CHARS = 4000;
  static final int MODE_CHARS = 80;

  /** How far back the "to record" list looks, in days, unless asked for fewer. */
  static final int TO_RECORD_DAYS = 30;

  /** The most chats the "to record" list shows at once (its count is the whole number). */
  static final int TO_RECORD_ROWS = 100;

  /** How far back an interaction without a chat may be dated. */
  static final int BACKDATE_DAYS = 366;

  static Map<String, Object> asMap() {
    return Map.of(
        "fields", FIELDS,
        "keyChars", KEY_CHARS,
        "labelChars", LABEL_CHARS,
        "choices", CHOICES,
        "choiceChars", CHOICE_CHARS,
        "textChars", TEXT_CHARS,
        "notesChars", NOTES_CHARS);
  }
}
