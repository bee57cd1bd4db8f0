package org.refdesk.platform.bus;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;

/**
 * Who sent a bus message, as the bridge guard verified it from the token. The guard writes these
 * headers; consumers read them and nothing else, so a body can never claim to be someone.
 */
public record Identity(Kind kind, long id, long libraryId, long chatId) {

  public enum Kind {
    PATRON,
    OPERATOR
  }

  static final String KIND = "rd-kind";
  static final String ID = "rd-id";
  static final String LIBRARY = "rd-library";
  static final String CHAT = "rd-chat";

  public static Identity operator(long operatorId, long libraryId) {
    return new Identity(Kind.OPERATOR, operatorId, libraryId, 0);
  }

  public static Identity patron(long chatId, long libraryId) {
    return new Identity(Kind.PATRON, 0, libraryId, chatId);
  }

  public boolean isPatron() {
    return kind == Kind.PATRON;
  }

  /** The headers of a raw bridge frame: whatever the client sent is replaced. */
  public JsonObject toHeaders() {
    return new JsonObject()
        .put(KIND, kind.name())
        .put(ID, Long.toString(id))
        .put(LIBRARY, Long.toString(libraryId))
        .put(CHAT, Long.toString(chatId));
  }

  /** Reads the stamped identity; null when the message did not pass the guard. */
  public static Identity from(MultiMap headers) {
    var kind = headers.get(KIND);
    if (kind == null) {
      return null;
    }
    try {
      return new Identity(
          Kind.valueOf(kind),
          Long.parseLong(headers.get(ID)),
          Long.parseLong(headers.get(LIBRARY)),
          Long.parseLong(headers.get(CHAT)));
    } catch (RuntimeException e) {
      return null;
    }
  }
}
