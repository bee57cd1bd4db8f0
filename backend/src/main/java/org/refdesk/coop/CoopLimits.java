package org.refdesk.coop;

import java.util.Set;

/** What co-op and routing settings are held to, declared once. */
final class CoopLimits {

  private CoopLimits() {}

  static final int NAME_CHARS = 200;
  static final int QUEUE_NAME_CHARS = 200;
  static final int LABEL_CHARS = 40;

  /** Steps of one queue's cascade; a longer chain is made of several queues' steps. */
  static final int MAX_ROUTE_STEPS = 5;

  /**
   * The soonest a waiting chat may roll up: the local librarians get a fair chance first. A route
   * must also wait longer than the library's first-minute escalation (see RouteRules).
   */
  static final int MIN_ROLL_UP_SECONDS = 10;

  static final int MAX_ROLL_UP_SECONDS = 86_400;

  /** How far a chat may be passed on when it starts (a chain of routes), and the cycle guard. */
  static final int MAX_CHAIN = 4;

  /** A co-op report covers at most a year. */
  static final int MAX_REPORT_DAYS = 366;

  static final Set<String> LANGUAGES = Set.of("en", "es");

  /** A colour a queue's badge may carry: a CSS hex colour. */
  static final String COLOUR = "#[0-9a-fA-F]{6}";
}
