package org.refdesk.support;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;

/**
 * Knowing that a bridge registration is in effect. The bridge does not acknowledge a register, so
 * the only event that proves it is a message reaching the client: probes are published on the
 * address until one arrives. Clients leave probes out of everything else they answer.
 */
public final class Probes {

  static final String PROBE = "probe";

  /** A bridge client that can tell whether a probe reached it. */
  public interface Listener {
    boolean probed(String address, long waitMs);
  }

  private Probes() {}

  /**
   * Waits until a probe published on {@code bus} reaches the client's registration of the address.
   */
  public static void awaitRegistered(
      EventBus bus, Listener client, String address, long timeoutMs) {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (System.currentTimeMillis() < deadline) {
      bus.publish(address, new JsonObject().put("type", PROBE));
      // Wakes as soon as a probe arrives; the wait only spaces the probes of a registration still
      // on its way.
      if (client.probed(address, 100)) {
        return;
      }
    }
    throw new AssertionError("registration of " + address + " never took effect");
  }
}
