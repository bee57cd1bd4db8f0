package org.refdesk.rota;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lays weekly shifts and their exceptions out on dates: each weekly shift on each of its weekdays
 * within its validity, marked off where an {@code off} exception names it on that date, and each
 * extra shift on its date. Wall-clock times are read in the library's zone, so a 9:00 shift is at
 * 9:00 on both sides of a change of summer time.
 */
final class RotaCalendar {

  private static final Comparator<Occurrence> BY_TIME =
      Comparator.comparing(Occurrence::startsAt)
          .thenComparing(Occurrence::queueName)
          .thenComparing(Occurrence::operatorName)
          .thenComparing(Occurrence::key);

  private RotaCalendar() {}

  static List<Occurrence> expand(
      LocalDate from, int days, ZoneId zone, List<Shift> shifts, List<ShiftException> exceptions) {
    var occurrences = new ArrayList<Occurrence>();
    for (int day = 0; day < days; day++) {
      var date = from.plusDays(day);
      for (var shift : shifts) {
        if (shift.fallsOn(date)) {
          var off = offFor(shift, date, exceptions);
          occurrences.add(weekly(shift, date, zone, off));
        }
      }
      for (var exception : exceptions) {
        if (!exception.isOff() && exception.onDate().equals(date)) {
          occurrences.add(extra(exception, zone));
        }
      }
    }
    occurrences.sort(BY_TIME);
    return occurrences;
  }

  private static ShiftException offFor(Shift shift, LocalDate date, List<ShiftException> all) {
    return all.stream()
        .filter(
            e ->
                e.isOff()
                    && e.onDate().equals(date)
                    && Long.valueOf(shift.id()).equals(e.shiftId()))
        .findFirst()
        .orElse(null);
  }

  private static Occurrence weekly(Shift shift, LocalDate date, ZoneId zone, ShiftException off) {
    return new Occurrence(
        Occurrence.weeklyKey(shift.id(), date),
        date,
        shift.starts(),
        shift.ends(),
        date.atTime(shift.starts()).atZone(zone).toInstant(),
        date.atTime(shift.ends()).atZone(zone).toInstant(),
        shift.queueId(),
        shift.queueName(),
        shift.operatorId(),
        shift.operatorName(),
        shift,
        off,
        off != null);
  }

  private static Occurrence extra(ShiftException extra, ZoneId zone) {
    return new Occurrence(
        Occurrence.extraKey(extra.id()),
        extra.onDate(),
        extra.starts(),
        extra.ends(),
        extra.onDate().atTime(extra.starts()).atZone(zone).toInstant(),
        extra.onDate().atTime(extra.ends()).atZone(zone).toInstant(),
        extra.queueId(),
        extra.queueName(),
        extra.operatorId(),
        extra.operatorName(),
        null,
        extra,
        false);
  }
}
