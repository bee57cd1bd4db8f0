package org.refdesk.platform.bridge;

import io.vertx.core.Future;
import org.refdesk.platform.bus.Identity;

/**
 * Turns a frame's token into the identity a socket is bound to, and says whether that identity may
 * still use the bridge; the feature that owns accounts and tokens provides it.
 */
public interface SocketIdentities {

  /** The identity a valid token proves, with the token's id and expiry; fails when it proves none. */
  Future<Proof> prove(String token);

  /** Fails when the identity may no longer use the bridge (a disabled operator). */
  Future<Identity> stillActive(Identity who);

  /** @param tokenId a digest that names the token for revocation, never the token itself */
  record Proof(Identity who, String tokenId, long expiresAtMs) {
  }
}
