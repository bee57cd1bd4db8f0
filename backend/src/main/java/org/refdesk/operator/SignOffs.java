package org.refdesk.operator;

import io.vertx.core.Vertx;
import org.refdesk.operator.OperatorRepository.SignedOff;

/**
 * The one way an operator is signed off, by an admin or at the time set for it: this node refuses
 * their older tokens before the caller hears back, then every node is told, closes their sockets
 * (the path a disable takes) and sets them offline. Their open chats stay as they are: a colleague
 * can take them over, and the patron is not cut off by the end of a shift.
 */
public final class SignOffs {

  private SignOffs() {}

  public static void announce(Vertx vertx, SignedOff signedOff) {
    KnownOperators.markSignedOff(vertx, signedOff.operatorId(), signedOff.atMs());
    vertx.eventBus().publish(OperatorAddresses.OPERATOR_SIGNED_OFF, signedOff.toEvent());
  }
}
