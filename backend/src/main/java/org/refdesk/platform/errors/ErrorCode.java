package org.refdesk.platform.errors;

/**
 * Every error the gateway reports, with its HTTP status. Event-bus failures carry the same codes
 * (as {@link #failureCode()}), so a bus reply and an HTTP answer say the same thing the same way.
 */
public enum ErrorCode {
  BAD_JSON(400, "bad_json"),
  INVALID(400, "invalid"),
  UNAUTHORIZED(401, "unauthorized"),
  FORBIDDEN(403, "forbidden"),
  ORIGIN_NOT_ALLOWED(403, "origin_not_allowed"),
  NOT_FOUND(404, "not_found"),
  METHOD_NOT_ALLOWED(405, "method_not_allowed"),
  CONFLICT(409, "conflict"),
  USERNAME_TAKEN(409, "username_taken"),
  PAYLOAD_TOO_LARGE(413, "payload_too_large"),
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type"),
  RATE_LIMITED(429, "rate_limited"),
  INTERNAL(500, "internal"),
  UNAVAILABLE(503, "unavailable"),
  UNKNOWN_QUEUE(404, "unknown_queue"),
  CHAT_ENDED(409, "chat_ended"),
  NOT_PARTICIPANT(403, "not_participant"),
  ALREADY_CLAIMED(409, "already_claimed"),
  TAG_REQUIRED(409, "tag_required");

  private final int status;
  private final String code;

  ErrorCode(int status, String code) {
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** The number a bus reply fails with: stable as long as codes are only ever appended. */
  public int failureCode() {
    return 1000 + ordinal();
  }

  /** The code a bus failure carries, or INTERNAL for a failure code we did not issue. */
  public static ErrorCode fromFailureCode(int failureCode) {
    int index = failureCode - 1000;
    var all = values();
    return index >= 0 && index < all.length ? all[index] : INTERNAL;
  }

  public static ErrorCode fromStatus(int status) {
    return switch (status) {
      case 400 -> INVALID;
      case 401 -> UNAUTHORIZED;
      case 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 409 -> CONFLICT;
      case 413 -> PAYLOAD_TOO_LARGE;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 429 -> RATE_LIMITED;
      case 503 -> UNAVAILABLE;
      default -> INTERNAL;
    };
  }
}
