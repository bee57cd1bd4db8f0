package org.refdesk.platform.bridge;

import io.vertx.core.Future;
import java.util.function.Predicate;
import org.refdesk.platform.bus.Identity;

/**
 * Turns a frame's token into the identity a socket is bound to, and says whether that identity may
 * still use the bridge; the feature that owns accounts and tokens provides it.
 */
public interface SocketIdentities {

  /**
   * The identity a valid token proves, with the token's id and expiry; fails when it proves none.
   */
  Future<Proof> prove(String token);

  /** Fails when the identity may no longer use the bridge (a disabled operator). */
  Future<Identity> stillActive(Identity who);

  /**
   * Listens, on the calling event loop, for identities and tokens cut off anywhere in the cluster
   * (an operator disabled, a token signed out), and tells {@code ended} which sockets to close.
   */
  Future<Void> watchEnded(Ended ended);

  /** What the guard does when an identity or a token may no longer use the bridge. */
  interface Ended {

    /** Closes every socket bound to an identity that matches; {@code why} is for the log. */
    void identities(Predicate<Identity> which, String why);

    /** Closes every socket bound by this token. */
    void token(String tokenId);
  }

  /**
   * @param tokenId a digest that names the token for revocation, never the token itself
   */
  record Proof(Identity who, String tokenId, long expiresAtMs) {}
}
