package org.refdesk.rota;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.web.JsonInput;

/** Reads a shift or an exception from a request body, each field checked with a clear 400. */
final class RotaInput {

  private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private RotaInput() {}

  /** {@code today} (the library's) is the first day of a shift that names none. */
  static RotaRepository.ShiftFields shift(JsonInput input, LocalDate today) {
    long queueId = input.requiredId("queueId");
    long operatorId = input.requiredId("operatorId");
    int weekday = weekday(input);
    var starts = time(input, "starts");
    var ends = time(input, "ends");
    requireAfter(starts, ends);
    var validFrom = optionalDate(input, "validFrom").orElse(today);
    var validTo = optionalDate(input, "validTo").orElse(null);
    if (validTo != null && validTo.isBefore(validFrom)) {
      throw ApiException.invalid("'validTo' must be on or after 'validFrom'.");
    }
    return new RotaRepository.ShiftFields(
        queueId, operatorId, weekday, starts, ends, validFrom, validTo);
  }

  /** The kind and date, and for an extra shift its operator, queue and times. */
  static RotaRepository.ExceptionFields exception(JsonInput input) {
    var kind = input.oneOf("kind", Set.of(ShiftException.OFF, ShiftException.EXTRA));
    var date = requiredDate(input, "date");
    var note = input.optionalText("note", RotaLimits.NOTE_CHARS).orElse(null);
    if (ShiftException.OFF.equals(kind)) {
      return new RotaRepository.ExceptionFields(
          kind, date, input.requiredId("shiftId"), 0, null, null, null, note);
    }
    long operatorId = input.requiredId("operatorId");
    long queueId = input.requiredId("queueId");
    var starts = time(input, "starts");
    var ends = time(input, "ends");
    requireAfter(starts, ends);
    return new RotaRepository.ExceptionFields(
        kind, date, null, operatorId, queueId, starts, ends, note);
  }

  /** A date in a query string, or empty when it is absent. */
  static Optional<LocalDate> queryDate(String name, String raw) {
    if (raw == null || raw.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(parseDate(name, raw));
  }

  private static int weekday(JsonInput input) {
    var value = input.json().getValue("weekday");
    if (!(value instanceof Integer n) || n < 1 || n > 7) {
      throw ApiException.invalid("'weekday' must be a number from 1 (Monday) to 7 (Sunday).");
    }
    return n;
  }

  private static LocalTime time(JsonInput input, String field) {
    return LocalTime.parse(
        input.matching(field, TIME, "must be a time of day such as 09:30 (00:00 to 23:59)"));
  }

  private static void requireAfter(LocalTime starts, LocalTime ends) {
    if (!ends.isAfter(starts)) {
      throw ApiException.invalid("'ends' must be after 'starts' (a shift ends by midnight).");
    }
  }

  private static LocalDate requiredDate(JsonInput input, String field) {
    return optionalDate(input, field)
        .orElseThrow(() -> ApiException.invalid("'" + field + "' is required."));
  }

  private static Optional<LocalDate> optionalDate(JsonInput input, String field) {
    var value = input.json().getValue(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw ApiException.invalid("'" + field + "' must be a date such as 2026-03-31.");
    }
    return Optional.of(parseDate(field, text));
  }

  private static LocalDate parseDate(String field, String text) {
    if (DATE.matcher(text).matches()) {
      try {
        var date = LocalDate.parse(text);
        if (date.getYear() >= 2000 && date.getYear() <= 2200) {
          return date;
        }
      } catch (DateTimeException e) {
        // reported below, like any other date out of shape
      }
    }
    throw ApiException.invalid("'" + field + "' must be a date such as 2026-03-31.");
  }
}
