package org.refdesk.library;

import io.vertx.core.json.JsonObject;
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
          "awayAfterSeconds", new long[] {900, 60, 14400});

  private static final String REQUIRE_TAG = "requireTag";

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
    return settings;
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
}
