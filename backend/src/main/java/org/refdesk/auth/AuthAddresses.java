package org.refdesk.auth;

/** The auth feature's server-side event-bus address. */
public final class AuthAddresses {

  private AuthAddresses() {}

  /**
   * An operator signed out; every node refuses that token from now on and closes the sockets it
   * opened. Carries {tokenId, expiresAt}, a digest of the token, never the token.
   */
  public static final String TOKEN_REVOKED = "refdesk.token-revoked";
}
