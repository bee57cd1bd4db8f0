package org.refdesk.platform.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import org.refdesk.platform.errors.ApiException;

/**
 * A list of links people type for others to follow, {@code links: [{title, url}]}: only http, https
 * and mailto addresses, so a stored link can never run script where it is shown.
 */
public final class LinkList {

  private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");

  private LinkList() {}

  /** The checked links of the body's {@code links} (none when absent); anything else is a 400. */
  public static JsonArray read(JsonObject json, int maxLinks, int titleChars, int urlChars) {
    var value = json.getValue("links");
    if (value == null) {
      return new JsonArray();
    }
    if (!(value instanceof JsonArray array)) {
      throw ApiException.invalid("'links' must be a list of {title, url}.");
    }
    if (array.size() > maxLinks) {
      throw ApiException.invalid("'links' may hold at most " + maxLinks + " links.");
    }
    var links = new JsonArray();
    for (var item : array) {
      if (!(item instanceof JsonObject link)) {
        throw ApiException.invalid("Each of 'links' must be {title, url}.");
      }
      var fields = JsonInput.of(link);
      var title = fields.requiredText("title", titleChars);
      var url = fields.requiredText("url", urlChars);
      requireSafeUrl(url);
      links.add(new JsonObject().put("title", title).put("url", url));
    }
    return links;
  }

  private static void requireSafeUrl(String url) {
    try {
      var scheme = new URI(url).getScheme();
      if (scheme == null || !SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
        throw ApiException.invalid("A link's 'url' must start with http:, https: or mailto:.");
      }
    } catch (URISyntaxException e) {
      throw ApiException.invalid("A link's 'url' is not a valid address.");
    }
  }
}
