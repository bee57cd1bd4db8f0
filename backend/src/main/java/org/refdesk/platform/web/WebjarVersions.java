package org.refdesk.platform.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.webjars.WebJarVersionLocator;

/**
 * The versions of the browser libraries we ship as webjars, which only the pom names. Pages address
 * a library without its version ({@code /webjars/vue/dist/...}); what goes to browsers names it, so
 * a library can be cached for a year and an upgrade still reaches every returning browser.
 */
public final class WebjarVersions {

  /** A bare webjar address in a page: the name, then a path that does not start with a version. */
  private static final Pattern BARE = Pattern.compile("/webjars/([a-z0-9][a-z0-9._-]*)/(?![0-9])");

  private final WebJarVersionLocator locator = new WebJarVersionLocator();

  /** The version we ship of a webjar, or null when we ship no such webjar. */
  public String version(String name) {
    return locator.version(name);
  }

  /**
   * True when a path segment names a version (versions start with a digit, paths inside a webjar do
   * not).
   */
  public static boolean looksLikeVersion(String segment) {
    return !segment.isEmpty() && Character.isDigit(segment.charAt(0));
  }

  /**
   * The page with each bare webjar address replaced by the versioned one; unknown webjars stay as
   * they are.
   */
  public String versioned(String html) {
    Matcher matcher = BARE.matcher(html);
    var out = new StringBuilder();
    while (matcher.find()) {
      var version = version(matcher.group(1));
      var replacement =
          version == null ? matcher.group() : "/webjars/" + matcher.group(1) + "/" + version + "/";
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
