package org.refdesk.platform.errors;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every error the gateway reports, with its HTTP status. Event-bus failures carry the same codes
 * (as {@link #failureCode()}), so a bus reply and an HTTP answer say the same thing the same way.
 * The failure numbers are published (docs/protocol.md) and written out here, never derived from the
 * order: a new code takes the next free number, and a number once published is never reused.
 */
public enum ErrorCode {
  BAD_JSON(1000, 400, "bad_json"),
  INVALID(1001, 400, "invalid"),
  UNAUTHORIZED(1002, 401, "unauthorized"),
  FORBIDDEN(1003, 403, "forbidden"),
  ORIGIN_NOT_ALLOWED(1004, 403, "origin_not_allowed"),
  NOT_FOUND(1005, 404, "not_found"),
  METHOD_NOT_ALLOWED(1006, 405, "method_not_allowed"),
  CONFLICT(1007, 409, "conflict"),
  USERNAME_TAKEN(1008, 409, "username_taken"),
  PAYLOAD_TOO_LARGE(1009, 413, "payload_too_large"),
  UNSUPPORTED_MEDIA_TYPE(1010, 415, "unsupported_media_type"),
  RATE_LIMITED(1011, 429, "rate_limited"),
  INTERNAL(1012, 500, "internal"),
  UNAVAILABLE(1013, 503, "unavailable"),
  UNKNOWN_QUEUE(1014, 404, "unknown_queue"),
  CHAT_ENDED(1015, 409, "chat_ended"),
  NOT_PARTICIPANT(1016, 403, "not_participant"),
  ALREADY_CLAIMED(1017, 409, "already_claimed"),
  TAG_REQUIRED(1018, 409, "tag_required"),
  EMAIL_REQUIRED(1019, 409, "email_required"),
  LINK_EXPIRED(1020, 410, "link_expired"),
  OPERATOR_UNAVAILABLE(1021, 409, "operator_unavailable"),
  NOBODY_ONLINE(1022, 409, "nobody_online"),
  NOT_OWNER(1023, 403, "not_owner"),
  TRANSFER_PENDING(1024, 409, "transfer_pending"),
  COLLEAGUE_IN_CHAT(1025, 409, "colleague_in_chat");

  private static final Map<Integer, ErrorCode> BY_FAILURE_CODE =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(ErrorCode::failureCode, Function.identity()));

  private final int failureCode;
  private final int status;
  private final String code;

  ErrorCode(int failureCode, int status, String code) {
    this.failureCode = failureCode;
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** The number a bus reply fails with, as published. */
  public int failureCode() {
    return failureCode;
  }

  /** The code a bus failure carries, or INTERNAL for a failure code we did not issue. */
  public static ErrorCode fromFailureCode(int failureCode) {
    return BY_FAILURE_CODE.getOrDefault(failureCode, INTERNAL);
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
