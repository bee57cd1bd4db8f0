package org.refdesk.auth;

import com.nulabinc.zxcvbn.Zxcvbn;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which passwords an account may have: long enough, not blank, not the person's own name, and not
 * easy to guess by the common-password lists, keyboard walks, dates and repeats that zxcvbn knows.
 * The check takes milliseconds of CPU (its first use loads the word lists), so it runs on a worker.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 200;

  /** zxcvbn's 0–4 scale; 3 is "safely unguessable" for an online attack with throttling. */
  private static final int MIN_SCORE = 3;

  private static final Zxcvbn ZXCVBN = new Zxcvbn();

  private PasswordPolicy() {}

  /** Why the password is refused, or empty, computed on a worker. */
  public static Future<Optional<String>> check(
      Vertx vertx, String password, String username, String displayName) {
    return vertx.executeBlocking(() -> refusal(password, username, displayName), false);
  }

  /** Why the password is refused, or empty when it may be used. Blocks for milliseconds. */
  public static Optional<String> refusal(String password, String username, String displayName) {
    if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
      return Optional.of("it must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters.");
    }
    if (password.isBlank()) {
      return Optional.of("it cannot be only spaces.");
    }
    var lower = password.toLowerCase(Locale.ROOT);
    for (var name : List.of(username, displayName)) {
      if (name != null
          && !name.isBlank()
          && lower.contains(name.strip().toLowerCase(Locale.ROOT))) {
        return Optional.of("it must not contain the account's own name.");
      }
    }
    var strength =
        ZXCVBN.measure(
            password,
            List.of(username == null ? "" : username, displayName == null ? "" : displayName));
    if (strength.getScore() >= MIN_SCORE) {
      return Optional.empty();
    }
    var warning = strength.getFeedback().getWarning();
    return Optional.of(
        (warning == null || warning.isBlank() ? "it is too easy to guess." : warning)
            + " Use a longer phrase of a few unrelated words.");
  }
}
