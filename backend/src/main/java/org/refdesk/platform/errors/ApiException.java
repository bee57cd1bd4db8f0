package org.refdesk.platform.errors;

import io.vertx.core.json.JsonObject;

/**
 * A failure the client is meant to see: its code, a sentence for a person, and optional details
 * (such as the holder of a claimed chat). Thrown or failed anywhere; the failure handler renders
 * it.
 */
public final class ApiException extends RuntimeException {

  private final ErrorCode code;
  private final JsonObject details;

  public ApiException(ErrorCode code, String message) {
    this(code, message, null);
  }

  public ApiException(ErrorCode code, String message, JsonObject details) {
    super(message, null, false, false);
    this.code = code;
    this.details = details;
  }

  public ErrorCode code() {
    return code;
  }

  /** The body of an error answer: {@code {"error":{"code","message",...details}}}. */
  public JsonObject toJson() {
    var error = new JsonObject().put("code", code.code()).put("message", getMessage());
    if (details != null) {
      error.mergeIn(details);
    }
    return new JsonObject().put("error", error);
  }

  public static ApiException invalid(String message) {
    return new ApiException(ErrorCode.INVALID, message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(ErrorCode.NOT_FOUND, message);
  }

  public static ApiException unauthorized() {
    return new ApiException(
        ErrorCode.UNAUTHORIZED, "Sign in again: the token is missing, expired or not valid.");
  }

  public static ApiException forbidden(String message) {
    return new ApiException(ErrorCode.FORBIDDEN, message);
  }
}
