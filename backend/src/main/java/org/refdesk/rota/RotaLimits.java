package org.refdesk.rota;

/** The rota's limits and clock constants, declared once. */
final class RotaLimits {

  private RotaLimits() {}

  /** Days the calendar shows unless asked, and the most one request may ask for. */
  static final int DEFAULT_DAYS = 7;

  static final int MAX_DAYS = 42;

  /** Characters of an exception's note. */
  static final int NOTE_CHARS = 500;

  /** Minutes before a shift's end when the app prompts the operator to wrap up. */
  static final int WRAP_UP_MINUTES = 10;

  /**
   * Minutes after a shift's end that the wrap-up prompt still stands, for an operator still online.
   */
  static final int AFTER_END_MINUTES = 15;

  /** How far ahead "my next shift" is looked for. */
  static final int NEXT_SHIFT_DAYS = 14;

  /**
   * Minutes a shift may run with nobody online on its queue before the library's admins are told; a
   * library changes it with its {@code emptyShiftAlertMinutes} setting.
   */
  static final int EMPTY_SHIFT_ALERT_MINUTES = 10;

  /** Empty shifts looked at per sweep at most, so a backlog does not hold the tick. */
  static final int SWEEP_BATCH = 100;
}
