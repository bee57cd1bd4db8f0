package org.refdesk.library;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * {@code alerts.<libraryId>}: what every operator of a library must hear at once, whatever queue
 * they watch (a chat nobody claimed in its first minute, a change an admin made); mirrored in
 * frontend/.../shared/addresses.js.
 */
public final class LibraryAddresses {

  private LibraryAddresses() {}

  public static final String ALERTS_PREFIX = "alerts.";

  /**
   * Type of the alert after an admin changed the library's settings or tags; {@code what} says
   * which ({@link #CHANGED_SETTINGS} or {@link #CHANGED_TAGS}), so open apps read that part again
   * instead of waiting for a reload.
   */
  public static final String LIBRARY_CHANGED = "library-changed";

  public static final String CHANGED_SETTINGS = "settings";
  public static final String CHANGED_TAGS = "tags";

  /** The library's queues were added, edited, archived or deleted. */
  public static final String CHANGED_QUEUES = "queues";

  /** The library's name or time zone changed. */
  public static final String CHANGED_LIBRARY = "library";

  public static String alerts(long libraryId) {
    return ALERTS_PREFIX + libraryId;
  }

  /**
   * Tells the library's open apps that part of the library changed; the bus may drop it, so apps
   * also reread on reconnect.
   */
  public static void announceLibraryChange(Vertx vertx, long libraryId, String what) {
    vertx
        .eventBus()
        .publish(
            alerts(libraryId),
            new JsonObject()
                .put("type", LIBRARY_CHANGED)
                .put("libraryId", libraryId)
                .put("what", what)
                .put("at", Instant.now().toString()));
  }
}
