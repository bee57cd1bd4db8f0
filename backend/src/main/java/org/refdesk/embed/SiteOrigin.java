package org.refdesk.embed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.refdesk.platform.errors.ApiException;

/**
 * An origin as a browser sends it in its Origin header, so that a stored site compares equal to
 * what pages of that site send: lower-case {@code scheme://host[:port]}, http or https, no default
 * port, nothing after the host.
 */
final class SiteOrigin {

  private static final Pattern HOST_NAME =
      Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
  private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+\\]");

  private SiteOrigin() {}

  /** The origin in its one form; 400 naming the field for anything that is not a web origin. */
  static String normalise(String typed) {
    if (typed == null || typed.isBlank()) {
      throw invalid();
    }
    var text = typed.strip();
    if (text.length() > EmbedLimits.ORIGIN_CHARS) {
      throw ApiException.invalid(
          "'origin' must be at most " + EmbedLimits.ORIGIN_CHARS + " characters.");
    }
    // A trailing slash is how people copy an address; anything more is a page, not a site.
    if (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw invalid();
    }
    var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    var host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    boolean bare =
        uri.getRawUserInfo() == null
            && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
            && uri.getRawQuery() == null
            && uri.getRawFragment() == null;
    boolean web = scheme.equals("http") || scheme.equals("https");
    boolean hostOk =
        (HOST_NAME.matcher(host).matches() || IPV6.matcher(host).matches()) && host.length() <= 253;
    if (!web || !bare || !hostOk || uri.getPort() == 0 || uri.getPort() > 65535) {
      throw invalid();
    }
    int port = uri.getPort();
    boolean defaultPort =
        port == -1
            || (scheme.equals("http") && port == 80)
            || (scheme.equals("https") && port == 443);
    return scheme + "://" + host + (defaultPort ? "" : ":" + port);
  }

  private static ApiException invalid() {
    return ApiException.invalid(
        "'origin' must be a web site's address: http:// or https://, a host name and perhaps a"
            + " port, with no path (for example https://www.library.example).");
  }
}
