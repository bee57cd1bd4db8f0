package org.refdesk.auth;

/** The sign-out deny-list. */
final class RevokedTokensSql {

  private RevokedTokensSql() {}

  static final String INSERT =
      """
      INSERT INTO revoked_tokens (token_id, operator_id, expires_at) VALUES ($1, $2, $3)
      ON CONFLICT (token_id) DO NOTHING
      """;

  /** Tokens past their expiry are refused by their own claims; their rows are no longer needed. */
  static final String DELETE_EXPIRED =
      """
      DELETE FROM revoked_tokens WHERE expires_at < now()
      """;

  static final String EXISTS =
      """
      SELECT EXISTS (SELECT 1 FROM revoked_tokens WHERE token_id = $1) AS revoked
      """;
}
