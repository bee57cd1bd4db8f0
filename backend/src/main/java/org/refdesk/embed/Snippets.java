package org.refdesk.embed;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.refdesk.queue.Queue;

/**
 * What a library pastes into its pages for each placement of a queue's widget, built from the
 * gateway's public address. The loader reads the same attributes (widget.js).
 */
final class Snippets {

  /** The placements the loader knows, in the order the admin page shows them. */
  static final List<String> PLACEMENTS = List.of("floating", "tab", "embedded", "popout", "link");

  private Snippets() {}

  static JsonObject forQueue(String publicUrl, Queue queue) {
    var placements = new JsonArray();
    for (var placement : PLACEMENTS) {
      placements.add(
          new JsonObject()
              .put("placement", placement)
              .put("snippet", snippet(publicUrl, queue.slug(), placement)));
    }
    return new JsonObject()
        .put("id", queue.id())
        .put("slug", queue.slug())
        .put("name", queue.name())
        .put("directLink", directLink(publicUrl, queue.slug()))
        .put("placements", placements);
  }

  /** The full-page chat, for a link from anywhere (an e-mail signature, a QR code, a menu). */
  static String directLink(String publicUrl, String slug) {
    return publicUrl + "/chat/?queue=" + slug;
  }

  static String snippet(String publicUrl, String slug, String placement) {
    // The slug is [a-z0-9-] by the schema; the address is the installation's own, escaped anyway.
    var base = attribute(publicUrl);
    var loader =
        "<script src=\"" + base + "/widget.js\" data-queue=\"" + slug + "\"%s async></script>";
    return switch (placement) {
      case "floating" -> loader.formatted("");
      case "tab" -> loader.formatted(" data-placement=\"tab\"");
      case "embedded" ->
          "<div id=\"refdesk-chat-"
              + slug
              + "\"></div>\n"
              + loader.formatted(
                  " data-placement=\"embedded\" data-target=\"#refdesk-chat-" + slug + "\"");
      case "popout" -> loader.formatted(" data-placement=\"popout\"");
      case "link" ->
          "<a href=\"" + attribute(directLink(publicUrl, slug)) + "\">Chat with a librarian</a>";
      default -> throw new IllegalArgumentException(placement);
    };
  }

  private static String attribute(String text) {
    return text.replace("&", "&amp;")
        .replace("\"", "&quot;")
        .replace("<", "&lt;")
        .replace(">", "&gt;");
  }
}
