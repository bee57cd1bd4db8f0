package org.refdesk.chat;

import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;
import org.refdesk.platform.errors.ApiException;

/**
 * The shape of a written message on the bus, checked the same way wherever people write: a patron
 * chat's {@code chat.send} and the staff's {@code internal.send}. Each refusal says what is wrong.
 */
public final class MessageInput {

  private MessageInput() {}

  /** The client's own id for a message, by which a resend is recognised. */
  static final Pattern CLIENT_MSG_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  public static JsonObject body(Message<?> message) {
    if (!(message.body() instanceof JsonObject body)) {
      throw ApiException.invalid("The body must be a JSON object.");
    }
    return body;
  }

  /** A positive whole id; {@code what} names it in the refusal ("a chat id"). */
  public static long id(JsonObject body, String field, String what) {
    if (!(body.getValue(field) instanceof Number n)
        || n.longValue() <= 0
        || n.doubleValue() != n.longValue()) {
      throw ApiException.invalid("'" + field + "' must be " + what + ".");
    }
    return n.longValue();
  }

  /** The message's text: 1 to {@link ChatLimits#MESSAGE_CHARS} characters, something in them. */
  public static String text(JsonObject body) {
    var text = body.getValue("text");
    if (!(text instanceof String t) || t.isBlank() || t.length() > ChatLimits.MESSAGE_CHARS) {
      throw ApiException.invalid(
          "'text' must be 1 to " + ChatLimits.MESSAGE_CHARS + " characters.");
    }
    if (t.indexOf('\u0000') >= 0) {
      // Postgres cannot store it; refused here rather than failing the batch it would have joined.
      throw ApiException.invalid("'text' must not contain NUL characters.");
    }
    return t;
  }

  public static String clientMsgId(JsonObject body) {
    var clientMsgId = body.getValue("clientMsgId");
    if (!(clientMsgId instanceof String id) || !CLIENT_MSG_ID.matcher(id).matches()) {
      throw ApiException.invalid("'clientMsgId' must be 1 to 64 letters, digits or . _ : -");
    }
    return id;
  }
}
