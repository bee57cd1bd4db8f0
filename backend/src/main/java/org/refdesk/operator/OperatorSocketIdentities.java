package org.refdesk.operator;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import org.refdesk.auth.AuthAddresses;
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
  private final EventBus bus;

  OperatorSocketIdentities(Tokens tokens, KnownOperators operators, EventBus bus) {
    this.tokens = tokens;
    this.operators = operators;
    this.bus = bus;
  }

  @Override
  public Future<Proof> prove(String token) {
    return tokens
        .verify(token)
        .compose(
            verified -> {
              if (verified.kind() == Identity.Kind.PATRON) {
                return Future.succeededFuture(
                    new Proof(verified.identity(0), verified.tokenId(), verified.expiresAtMs()));
              }
              return operators
                  .activeFor(verified)
                  .compose(
                      found ->
                          found.isPresent()
                              ? Future.succeededFuture(
                                  new Proof(
                                      verified.identity(found.get().libraryId()),
                                      verified.tokenId(),
                                      verified.expiresAtMs()))
                              : Future.failedFuture(ApiException.unauthorized()));
            });
  }

  @Override
  public Future<Identity> stillActive(Identity who) {
    return operators
        .active(who.id())
        .compose(
            found ->
                found.isPresent()
                    ? Future.succeededFuture(who)
                    : Future.failedFuture(ApiException.unauthorized()));
  }

  @Override
  public Future<Void> watchEnded(Ended ended) {
    return Future.all(
            bus.<JsonObject>consumer(
                    OperatorAddresses.OPERATOR_DISABLED,
                    message -> closeSockets(ended, message.body(), "disabled operator "))
                .completion(),
            bus.<JsonObject>consumer(
                    OperatorAddresses.OPERATOR_SIGNED_OFF,
                    message -> closeSockets(ended, message.body(), "signed-off operator "))
                .completion(),
            bus.<JsonObject>consumer(
                    AuthAddresses.TOKEN_REVOKED,
                    message -> {
                      var tokenId = message.body().getString("tokenId");
                      if (tokenId != null) {
                        ended.token(tokenId);
                      }
                    })
                .completion())
        .mapEmpty();
  }

  /** Disabled or signed off: the same end for every socket of that operator. */
  private static void closeSockets(Ended ended, JsonObject event, String why) {
    var operatorId = event.getLong("operatorId");
    if (operatorId != null) {
      ended.identities(who -> !who.isPatron() && who.id() == operatorId, why + operatorId);
    }
  }
}
