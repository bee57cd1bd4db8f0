package org.refdesk.library;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Map;
import org.refdesk.platform.errors.ApiException;

/**
 * The thresholds a library sets for its shift, kept in {@code libraries.settings}; every one has a
 * default taken from the librarians' guides, so a new library works before anyone sets anything.
 */
public final class LibrarySettings {

  /** Name, default, smallest and largest value, in seconds unless the name says otherwise. */
  private static final Map<String, long[]> NUMBERS =
      Map.of(
          "firstMinuteSeconds", new long[] {60, 10, 600},
          "waitUpdateSeconds", new long[] {120, 30, 1800},
          "idleWarnSeconds", new long[] {600, 10, 7200},
          "idleEndSeconds", new long[] {300, 10, 3600},
          "deadAirSeconds", new long[] {120, 10, 1800},
          "awayAfterSeconds", new long[] {900, 60, 14400},
          // A lone operator is paged help for when this many chats arrive in this many minutes.
          "surgeChats", new long[] {4, 2, 50},
          "surgeMinutes", new long[] {20, 1, 120});

  private static final String REQUIRE_TAG = "requireTag";

  /**
   * When a patron who leaves a question may expect the answer, in the library's words; null means
   * the widget's own default sentence.
   */
  public static final String OFFLINE_ANSWER_TIME = "offlineAnswerTime";

  /**
   * Fields of the library's own on the offline question form: {@code [{label, required,
   * maxChars}]}.
   */
  public static final String OFFLINE_FIELDS = "offlineFields";

  public static final int ANSWER_TIME_CHARS = 200;
  public static final int FIELD_LABEL_CHARS = 80;
  public static final int FIELD_VALUE_CHARS = 500;
  public static final int MAX_FIELDS = 5;

  private LibrarySettings() {}

  /** The default of a numeric setting, for SQL that reads the stored value over it. */
  public static long defaultOf(String name) {
    var spec = NUMBERS.get(name);
    if (spec == null) {
      throw new IllegalArgumentException("not a library setting: " + name);
    }
    return spec[0];
  }

  /** The stored settings over the defaults: what the library's screens and timers go by. */
  public static JsonObject effective(JsonObject stored) {
    var settings = new JsonObject();
    NUMBERS.forEach(
        (name, spec) ->
            settings.put(
                name,
                stored != null && stored.getValue(name) instanceof Number n
                    ? n.longValue()
                    : spec[0]));
    settings.put(REQUIRE_TAG, stored != null && Boolean.TRUE.equals(stored.getValue(REQUIRE_TAG)));
    settings.put(
        OFFLINE_ANSWER_TIME,
        stored != null && stored.getValue(OFFLINE_ANSWER_TIME) instanceof String text
            ? text
            : null);
    settings.put(OFFLINE_FIELDS, offlineFields(stored));
    return settings;
  }

  /**
   * The stored custom fields, each checked again: anything written by hand that does not fit is
   * left out.
   */
  private static JsonArray offlineFields(JsonObject stored) {
    var fields = new JsonArray();
    if (stored == null || !(stored.getValue(OFFLINE_FIELDS) instanceof JsonArray list)) {
      return fields;
    }
    for (var item : list) {
      try {
        fields.add(field(OFFLINE_FIELDS, item));
      } catch (RuntimeException unfit) {
        // left out
      }
      if (fields.size() == MAX_FIELDS) {
        break;
      }
    }
    return fields;
  }

  /** Checks a partial update; unknown names and values out of range are 400s. */
  public static JsonObject validated(JsonObject update) {
    var clean = new JsonObject();
    for (var name : update.fieldNames()) {
      var value = update.getValue(name);
      if (REQUIRE_TAG.equals(name)) {
        if (!(value instanceof Boolean)) {
          throw ApiException.invalid("'requireTag' must be true or false.");
        }
        clean.put(name, value);
        continue;
      }
      if (OFFLINE_ANSWER_TIME.equals(name)) {
        clean.put(name, answerTime(value));
        continue;
      }
      if (OFFLINE_FIELDS.equals(name)) {
        clean.put(name, fields(value));
        continue;
      }
      var spec = NUMBERS.get(name);
      if (spec == null) {
        throw ApiException.invalid("'" + name + "' is not a library setting.");
      }
      if (!(value instanceof Number n)
          || n.doubleValue() != n.longValue()
          || n.longValue() < spec[1]
          || n.longValue() > spec[2]) {
        throw ApiException.invalid(
            "'" + name + "' must be a whole number from " + spec[1] + " to " + spec[2] + ".");
      }
      clean.put(name, ((Number) value).longValue());
    }
    return clean;
  }

  private static String answerTime(Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)
        || text.isBlank()
        || text.strip().length() > ANSWER_TIME_CHARS
        || text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw ApiException.invalid(
          "'offlineAnswerTime' must be a line of at most "
              + ANSWER_TIME_CHARS
              + " characters, or null for the default.");
    }
    return text.strip();
  }

  private static JsonArray fields(Object value) {
    return checkedFields(OFFLINE_FIELDS, value);
  }

  /**
   * A list of custom form fields of the same shape as the offline form's, checked: a queue's
   * pre-chat fields are one. {@code name} is the setting's name, for the 400's words.
   */
  public static JsonArray checkedFields(String name, Object value) {
    if (!(value instanceof JsonArray list) || list.size() > MAX_FIELDS) {
      throw ApiException.invalid(
          "'" + name + "' must be a list of at most " + MAX_FIELDS + " fields.");
    }
    var fields = new JsonArray();
    var labels = new HashSet<String>();
    for (var item : list) {
      var field = field(name, item);
      if (!labels.add(field.getString("label").toLowerCase())) {
        throw ApiException.invalid("'" + name + "' has two fields with the same label.");
      }
      fields.add(field);
    }
    return fields;
  }

  /** One custom field, {@code {label, required, maxChars}}, checked. */
  private static JsonObject field(String name, Object item) {
    var rule =
        "Each of '"
            + name
            + "' must be {label: text of 1 to "
            + FIELD_LABEL_CHARS
            + " characters, required: true or false, maxChars: 1 to "
            + FIELD_VALUE_CHARS
            + "}.";
    if (!(item instanceof JsonObject field)
        || !(field.getValue("label") instanceof String label)
        || label.isBlank()
        || label.strip().length() > FIELD_LABEL_CHARS
        || label.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
        || !(field.getValue("required", false) instanceof Boolean required)
        || !(field.getValue("maxChars", FIELD_VALUE_CHARS) instanceof Number max)
        || max.doubleValue() != max.longValue()
        || max.longValue() < 1
        || max.longValue() > FIELD_VALUE_CHARS) {
      throw ApiException.invalid(rule);
    }
    return new JsonObject()
        .put("label", label.strip())
        .put("required", required)
        .put("maxChars", max.intValue());
  }
}
