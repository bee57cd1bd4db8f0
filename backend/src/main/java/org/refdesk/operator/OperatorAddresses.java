package org.refdesk.operator;

/**
 * The operator feature's event-bus addresses; the browser's are mirrored in
 * frontend/.../shared/addresses.js.
 */
public final class OperatorAddresses {

  private OperatorAddresses() {}

  /** Outbound: {@code operator.<operatorId>} carries what only that operator is told. */
  public static final String OPERATOR_PREFIX = "operator.";

  /**
   * Server side only: an operator was disabled; every node closes that operator's sockets and
   * forgets it in the memory that spares authenticated requests a Postgres query.
   */
  public static final String OPERATOR_DISABLED = "refdesk.operator-disabled";

  /** Server side only: a disabled operator was enabled again; every node lets them in again. */
  public static final String OPERATOR_ENABLED = "refdesk.operator-enabled";

  /**
   * Server side only: an operator was signed off ({@code operatorId, libraryId, atMs}), by an admin
   * or at the time set for it; every node refuses their tokens issued until then, closes their
   * sockets and sets them offline.
   */
  public static final String OPERATOR_SIGNED_OFF = "refdesk.operator-signed-off";

  public static String operator(long operatorId) {
    return OPERATOR_PREFIX + operatorId;
  }
}
