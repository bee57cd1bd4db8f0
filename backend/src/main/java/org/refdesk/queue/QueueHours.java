package org.refdesk.queue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.refdesk.platform.errors.ApiException;

/**
 * A queue's opening hours, kept in its settings as {@code openingHours}: for each weekday a list of
 * {@code ["09:00", "17:00"]} ranges in the library's time zone, and {@code closed}, the dates it is
 * shut all day (holidays). A queue without hours is never "outside its hours": the routing that
 * sends chats elsewhere out of hours leaves it alone.
 */
public final class QueueHours {

  public static final String KEY = "openingHours";
  public static final String CLOSED = "closed";
  public static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
  public static final int MAX_RANGES_PER_DAY = 4;
  public static final int MAX_CLOSED_DAYS = 100;

  private static final String RULE =
      "'openingHours' must be {mon..sun: [[\"HH:MM\", \"HH:MM\"], ...] (at most "
          + MAX_RANGES_PER_DAY
          + " ranges a day, each opening before it closes), closed: [\"YYYY-MM-DD\", ...] (at most "
          + MAX_CLOSED_DAYS
          + ")}, or null for none.";

  private QueueHours() {}

  /** The checked hours, or null for none; anything else is a 400. */
  public static JsonObject validated(Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonObject given)) {
      throw ApiException.invalid(RULE);
    }
    var clean = new JsonObject();
    for (var name : given.fieldNames()) {
      if (CLOSED.equals(name)) {
        clean.put(CLOSED, closedDays(given.getValue(name)));
      } else if (DAYS.contains(name)) {
        clean.put(name, ranges(given.getValue(name)));
      } else {
        throw ApiException.invalid(RULE);
      }
    }
    return clean;
  }

  /**
   * Whether the queue is open at that instant; empty when it has no hours (or none that can be
   * read: settings written by hand that do not fit count as none).
   */
  public static Optional<Boolean> isOpen(JsonObject queueSettings, String timezone, Instant at) {
    if (queueSettings == null || !(queueSettings.getValue(KEY) instanceof JsonObject stored)) {
      return Optional.empty();
    }
    JsonObject hours;
    ZoneId zone;
    try {
      hours = validated(stored);
      zone = ZoneId.of(timezone == null ? "UTC" : timezone);
    } catch (RuntimeException unfit) {
      return Optional.empty();
    }
    var local = ZonedDateTime.ofInstant(at, zone);
    var closed = hours.getJsonArray(CLOSED, new JsonArray());
    if (closed.contains(local.toLocalDate().toString())) {
      return Optional.of(false);
    }
    var day = DAYS.get(local.getDayOfWeek().getValue() - 1);
    var time = local.toLocalTime();
    for (var range : hours.getJsonArray(day, new JsonArray())) {
      var pair = (JsonArray) range;
      if (!time.isBefore(LocalTime.parse(pair.getString(0)))
          && time.isBefore(LocalTime.parse(pair.getString(1)))) {
        return Optional.of(true);
      }
    }
    return Optional.of(false);
  }

  private static JsonArray ranges(Object value) {
    if (!(value instanceof JsonArray list) || list.size() > MAX_RANGES_PER_DAY) {
      throw ApiException.invalid(RULE);
    }
    var clean = new JsonArray();
    for (var item : list) {
      if (!(item instanceof JsonArray pair) || pair.size() != 2) {
        throw ApiException.invalid(RULE);
      }
      var open = time(pair.getValue(0));
      var close = time(pair.getValue(1));
      if (!open.isBefore(close)) {
        throw ApiException.invalid(RULE);
      }
      clean.add(new JsonArray().add(open.toString()).add(close.toString()));
    }
    return clean;
  }

  private static LocalTime time(Object value) {
    if (!(value instanceof String text) || !text.matches("[0-2][0-9]:[0-5][0-9]")) {
      throw ApiException.invalid(RULE);
    }
    try {
      return LocalTime.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(RULE);
    }
  }

  private static JsonArray closedDays(Object value) {
    if (!(value instanceof JsonArray list) || list.size() > MAX_CLOSED_DAYS) {
      throw ApiException.invalid(RULE);
    }
    var clean = new JsonArray();
    for (var item : list) {
      try {
        var date = LocalDate.parse((String) item);
        if (!clean.contains(date.toString())) {
          clean.add(date.toString());
        }
      } catch (ClassCastException | NullPointerException | DateTimeException e) {
        throw ApiException.invalid(RULE);
      }
    }
    return clean;
  }
}
