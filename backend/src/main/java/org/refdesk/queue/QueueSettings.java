package org.refdesk.queue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.regex.Pattern;
import org.refdesk.library.LibrarySettings;
import org.refdesk.platform.errors.ApiException;

/**
 * What a queue shows the patron, kept in {@code queues.settings}: the launcher's label and colour,
 * the greeting, the opening hours (a sentence the library writes, and the structured hours that
 * decide whether it is open), the offline text, the transcript notice and the queue's own pre-chat
 * fields. The widget picks black or white text for whatever colour is chosen, so any colour reads.
 */
public final class QueueSettings {

  public static final String PRECHAT_FIELDS = "prechatFields";

  private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

  /** Name and the most characters of each text setting. */
  private static final Map<String, Integer> TEXTS =
      Map.of(
          "launcherLabel", QueueLimits.LAUNCHER_LABEL_CHARS,
          "hours", QueueLimits.HOURS_CHARS,
          "greeting", QueueLimits.GREETING_CHARS,
          "offlineMessage", QueueLimits.OFFLINE_MESSAGE_CHARS,
          "transcriptNotice", QueueLimits.TRANSCRIPT_NOTICE_CHARS);

  private QueueSettings() {}

  /**
   * The whole settings object, checked; a blank text or null is left out (the widget's default).
   * Unknown names are 400s, so a typo is not stored silently.
   */
  public static JsonObject validated(Object value) {
    if (value == null) {
      return new JsonObject();
    }
    if (!(value instanceof JsonObject given)) {
      throw ApiException.invalid("'settings' must be an object.");
    }
    var clean = new JsonObject();
    for (var name : given.fieldNames()) {
      var item = given.getValue(name);
      if (TEXTS.containsKey(name)) {
        var text = text(name, item, TEXTS.get(name));
        if (text != null) {
          clean.put(name, text);
        }
      } else if ("color".equals(name)) {
        if (item != null) {
          if (!(item instanceof String c) || !COLOR.matcher(c).matches()) {
            throw ApiException.invalid("'color' must be a colour written #rrggbb.");
          }
          clean.put(name, c.toLowerCase());
        }
      } else if (QueueHours.KEY.equals(name)) {
        var hours = QueueHours.validated(item);
        if (hours != null) {
          clean.put(name, hours);
        }
      } else if (PRECHAT_FIELDS.equals(name)) {
        if (item != null) {
          clean.put(name, LibrarySettings.checkedFields(PRECHAT_FIELDS, item));
        }
      } else {
        throw ApiException.invalid("'" + name + "' is not a queue setting.");
      }
    }
    return clean;
  }

  /** The queue's pre-chat fields as stored, or none. */
  public static JsonArray prechatFields(JsonObject settings) {
    return settings.getValue(PRECHAT_FIELDS) instanceof JsonArray fields ? fields : new JsonArray();
  }

  private static String text(String name, Object value, int maxChars) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)
        || text.strip().length() > maxChars
        || text.chars().anyMatch(c -> (c < 0x20 && c != '\n') || c == 0x7f)) {
      throw ApiException.invalid(
          "'" + name + "' must be text of at most " + maxChars + " characters.");
    }
    return text.isBlank() ? null : text.strip();
  }
}
