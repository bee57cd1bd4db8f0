package org.refdesk.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;

/**
 * Links a patron opens from an e-mail without an account: each names one ticket of one library and
 * an expiry, signed with HMAC-SHA256 under a key derived from the gateway's signing key (so a link
 * can never pass for a sign-in token, nor one token for the other). Tampered and expired links are
 * told apart, so the page can say which.
 */
public final class SignedLinks {

  /** How long a reply link in an e-mail works. */
  public static final Duration LIFETIME = Duration.ofDays(30);

  private static final String PURPOSE = "refdesk ticket reply link v1";
  private static final Pattern SHAPE =
      Pattern.compile("(\\d{1,18})\\.(\\d{1,18})\\.(\\d{1,12})\\.([A-Za-z0-9_-]{43})");

  private final byte[] key;

  public SignedLinks(String signingKey) {
    this.key = hmac(signingKey.getBytes(StandardCharsets.UTF_8), PURPOSE);
  }

  /** What a valid link is for. */
  public record Ticket(long ticketId, long libraryId) {}

  public String issue(long ticketId, long libraryId) {
    return issue(ticketId, libraryId, Instant.now().plus(LIFETIME));
  }

  public String issue(long ticketId, long libraryId, Instant expires) {
    var payload = ticketId + "." + libraryId + "." + expires.getEpochSecond();
    return payload + "." + signature(payload);
  }

  /**
   * The ticket a link is for; 401 {@code unauthorized} for anything not signed by us (or changed
   * since), 410 {@code link_expired} for a genuine link past its time.
   */
  public Ticket verify(String token) {
    var match = token == null ? null : SHAPE.matcher(token);
    if (match == null || !match.matches()) {
      throw notValid();
    }
    var payload = match.group(1) + "." + match.group(2) + "." + match.group(3);
    var expected = signature(payload).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, match.group(4).getBytes(StandardCharsets.US_ASCII))) {
      throw notValid();
    }
    if (Long.parseLong(match.group(3)) <= Instant.now().getEpochSecond()) {
      throw new ApiException(
          ErrorCode.LINK_EXPIRED,
          "This link has expired: links in our e-mails work for "
              + LIFETIME.toDays()
              + " days. Please ask your question again.");
    }
    return new Ticket(Long.parseLong(match.group(1)), Long.parseLong(match.group(2)));
  }

  private static ApiException notValid() {
    return new ApiException(
        ErrorCode.UNAUTHORIZED,
        "This link is not valid. Open it from the e-mail again, without changing it.");
  }

  private String signature(String payload) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, payload));
  }

  private static byte[] hmac(byte[] key, String text) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every JVM", e);
    }
  }
}
