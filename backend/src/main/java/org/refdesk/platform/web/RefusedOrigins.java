package org.refdesk.platform.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Tells the admin which library site tried to embed the widget without being allowed, and how to
 * allow it: a site's web team sees only a plain message in the panel, the fix is in the library's
 * list of sites or the gateway's settings. One line per origin in ten minutes on this node, however
 * busy the page.
 */
public final class RefusedOrigins {

  private static final Logger log = Logger.getLogger(RefusedOrigins.class.getName());
  private static final long QUIET_MILLIS = 10 * 60 * 1000L;
  // More distinct origins than this in ten minutes is noise (or someone making it up): start
  // afresh.
  private static final int REMEMBERED = 1000;
  // An Origin header is the sender's to write; only what looks like one goes into the log.
  private static final Pattern WEB_ORIGIN =
      Pattern.compile("https?://[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?");

  // Shared by the node's HTTP instances, so several event loops do not each repeat the line.
  private static final ConcurrentHashMap<String, Long> lastLogged = new ConcurrentHashMap<>();

  private RefusedOrigins() {}

  public static void note(String origin) {
    if (origin == null || !WEB_ORIGIN.matcher(origin).matches()) {
      return;
    }
    long now = System.currentTimeMillis();
    var previous = lastLogged.get(origin);
    if (previous != null && now - previous < QUIET_MILLIS) {
      return;
    }
    if (lastLogged.size() >= REMEMBERED) {
      lastLogged.clear();
    }
    // Two event loops may both pass the check above; only the one whose write wins logs.
    boolean first =
        previous == null
            ? lastLogged.putIfAbsent(origin, now) == null
            : lastLogged.replace(origin, previous, now);
    if (first) {
      log.warning(
          "The widget was loaded on "
              + origin
              + ", which may not frame it; patrons there see that the chat"
              + " cannot open. To allow that site, the library's admin lists "
              + origin
              + " among the library's widget sites (or, for every library, add it to"
              + " REFDESK_ALLOWED_ORIGINS).");
    }
  }
}
