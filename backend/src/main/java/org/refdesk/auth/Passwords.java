package org.refdesk.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * bcrypt hashing, always on a worker thread: one hash costs tens of milliseconds, which would stall
 * every socket on an event loop.
 */
public final class Passwords {

  /** About 50 ms a hash on these machines: slow for an attacker, quick enough for a login. */
  private static final int COST = 10;

  private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2A;
  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Vertx vertx;
  // Passwords longer than bcrypt's 72 bytes are pre-hashed instead of silently cut.
  private final BCrypt.Hasher hasher =
      BCrypt.with(VERSION, RANDOM, LongPasswordStrategies.hashSha512(VERSION));
  private final BCrypt.Verifyer verifier =
      BCrypt.verifyer(VERSION, LongPasswordStrategies.hashSha512(VERSION));

  /** Checked when the username is unknown, so that answer takes as long as a wrong password. */
  private volatile String decoyHash;

  public Passwords(Vertx vertx) {
    this.vertx = vertx;
  }

  /**
   * Why {@link PasswordPolicy} refuses the password for this account, or empty when it may be used.
   */
  public Future<Optional<String>> refusal(String password, String username, String displayName) {
    return PasswordPolicy.check(vertx, password, username, displayName);
  }

  public Future<String> hash(String password) {
    return vertx.executeBlocking(() -> hasher.hashToString(COST, password.toCharArray()), false);
  }

  /** Checks against the stored hash, or against a decoy when there is none. */
  public Future<Boolean> verify(String password, String storedHash) {
    return vertx.executeBlocking(
        () -> {
          var hash = storedHash == null ? decoy() : storedHash;
          var matches =
              verifier.verify(
                      password.getBytes(StandardCharsets.UTF_8),
                      hash.getBytes(StandardCharsets.UTF_8))
                  .verified;
          return matches && storedHash != null;
        },
        false);
  }

  private String decoy() {
    if (decoyHash == null) {
      decoyHash = hasher.hashToString(COST, generate(20).toCharArray());
    }
    return decoyHash;
  }

  /** A random password without look-alike characters, for first-run accounts. */
  public static String generate(int length) {
    var chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
    }
    return new String(chars);
  }
}
