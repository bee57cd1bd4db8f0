package org.refdesk.rota;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** How the rota writes a wall-clock time on the wire: "09:00". */
final class RotaTimes {

  private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

  private RotaTimes() {}

  static String text(LocalTime time) {
    return HOURS_MINUTES.format(time);
  }
}
