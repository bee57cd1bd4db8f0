package org.refdesk.chat;

/**
 * The plain sentences a waiting or silent patron reads; honest about what is known and what is not.
 */
final class WaitWords {

  private WaitWords() {}

  static String update(Integer position, Long usualWaitSeconds) {
    var place =
        position == null
            ? "You are in line."
            : position == 1
                ? "You are next in line."
                : "You are " + ordinal(position) + " in line.";
    var wait =
        usualWaitSeconds == null
            ? " A librarian will be with you as soon as one is free."
            : " Librarians usually answer within about "
                + duration(Math.max(60, usualWaitSeconds))
                + ".";
    return place + wait + " Thanks for waiting.";
  }

  static String duration(long seconds) {
    if (seconds < 60) {
      return seconds == 1 ? "1 second" : seconds + " seconds";
    }
    long minutes = Math.round(seconds / 60.0);
    return minutes == 1 ? "1 minute" : minutes + " minutes";
  }

  static String ordinal(int n) {
    int lastTwo = n % 100;
    if (lastTwo >= 11 && lastTwo <= 13) {
      return n + "th";
    }
    return n
        + switch (n % 10) {
          case 1 -> "st";
          case 2 -> "nd";
          case 3 -> "rd";
          default -> "th";
        };
  }
}
