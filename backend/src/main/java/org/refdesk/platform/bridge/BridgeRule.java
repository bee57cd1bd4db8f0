package org.refdesk.platform.bridge;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.refdesk.platform.bus.Identity;

/**
 * Who may use one family of bridge addresses, contributed by the feature that owns them. An inbound
 * rule takes browsers' commands (SEND); an outbound rule carries events to browsers (REGISTER, then
 * RECEIVE). The bridge permits exactly the addresses the rules name, and the guard asks the rule of
 * a frame's address; an address no rule names is refused. Decisions are made on the socket's event
 * loop.
 */
public interface BridgeRule {

  /** The addresses this rule owns, matched whole. */
  Pattern addresses();

  /** True for command addresses browsers send to; false for event addresses they listen on. */
  boolean inbound();

  /**
   * Inbound: may this identity send this body here? Rate and shape refusals are answered with their
   * reason.
   */
  default Future<Verdict> maySend(Identity who, String address, Object body, SocketMemory socket) {
    return Future.succeededFuture(Verdict.REFUSED);
  }

  /** Outbound: may this identity listen here? */
  default Future<Boolean> mayRegister(Identity who, String address) {
    return Future.succeededFuture(false);
  }

  /**
   * Outbound: may this event, about to be written, reach this identity? Decided without waiting.
   */
  default boolean mayReceive(Identity who, String address, JsonObject raw) {
    return true;
  }

  /** Whether the rule owns the address. */
  default boolean owns(String address) {
    return addresses().matcher(address).matches();
  }

  /** The guard's answer to one frame. */
  enum Verdict {
    ALLOWED,
    REFUSED,
    INVALID,
    RATE_LIMITED
  }

  /** What a rule may keep about one socket for as long as it is open (a send allowance, say). */
  interface SocketMemory {

    <T> T remember(Class<T> type, Supplier<T> make);
  }
}
