package org.refdesk.operator;

import io.vertx.core.Future;
import org.refdesk.auth.Tokens;
import org.refdesk.platform.bridge.SocketIdentities;
import org.refdesk.platform.bus.Identity;
import org.refdesk.platform.errors.ApiException;

/**
 * The bridge's identities: a patron's token proves its chat; an operator's proves the operator only
 * while the account is enabled, and a disable is heard on every node, so a still-valid token of a
 * disabled operator is refused at once.
 */
final class OperatorSocketIdentities implements SocketIdentities {

  private final Tokens tokens;
  private final KnownOperators operators;

  OperatorSocketIdentities(Tokens tokens, KnownOperators operators) {
    this.tokens = tokens;
    this.operators = operators;
  }

  @Override
  public Future<Proof> prove(String token) {
    return tokens.verify(token).compose(verified -> {
      if (verified.kind() == Identity.Kind.PATRON) {
        return Future.succeededFuture(new Proof(verified.identity(0), verified.tokenId(), verified.expiresAtMs()));
      }
      return operators.active(verified.subjectId()).compose(found -> found.isPresent()
          ? Future.succeededFuture(new Proof(verified.identity(found.get().libraryId()), verified.tokenId(),
              verified.expiresAtMs()))
          : Future.failedFuture(ApiException.unauthorized()));
    });
  }

  @Override
  public Future<Identity> stillActive(Identity who) {
    return operators.active(who.id()).compose(found -> found.isPresent() ? Future.succeededFuture(who)
        : Future.failedFuture(ApiException.unauthorized()));
  }
}
