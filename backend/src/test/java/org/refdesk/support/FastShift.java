package org.refdesk.support;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * A gateway whose shift clock runs in seconds instead of minutes, for the tests of what the clock
 * does (escalations, wait updates, idle patrons, missed chats): the timer ticks every 200 ms, and
 * the demo library's thresholds are written straight to its row, since the API keeps people to sane
 * values.
 */
public final class FastShift {

  private FastShift() {}

  public static TestGateway start(int patronGraceSeconds, JsonObject libraryThresholds) {
    var gateway =
        TestGateway.start(
            Map.of(
                "REFDESK_TIMER_TICK_MS",
                "200",
                "REFDESK_PATRON_GRACE_SECONDS",
                Integer.toString(patronGraceSeconds)));
    gateway.query(
        "UPDATE libraries SET settings = settings || $1 WHERE id = $2 RETURNING id",
        libraryThresholds,
        gateway.demoLibraryId());
    return gateway;
  }
}
