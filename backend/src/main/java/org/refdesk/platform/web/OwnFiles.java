package org.refdesk.platform.web;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The front end's own files as shipped, read once at start-up: a content hash of each, sent as its
 * ETag so a browser revalidates with a 304 instead of fetching the file again, and the HTML pages
 * with their webjar addresses versioned (served from memory, so the hashes in the pages' policy are
 * those of what is sent). The same release gives the same ETags on every node and after every
 * restart.
 */
public final class OwnFiles {

  static final String WEBROOT = "webroot";

  /** A file every front end has, to find where the webroot lives on the class path. */
  private static final String ANCHOR = "widget.js";

  private final Map<String, String> etags;
  private final Map<String, Buffer> pages;
  private final WebjarVersions webjars;

  private OwnFiles(Map<String, String> etags, Map<String, Buffer> pages, WebjarVersions webjars) {
    this.etags = etags;
    this.pages = pages;
    this.webjars = webjars;
  }

  /** Reads the webroot on a worker thread: it is file (or jar) work. */
  public static Future<OwnFiles> load(Vertx vertx) {
    return vertx.executeBlocking(() -> read(new WebjarVersions()));
  }

  static OwnFiles read(WebjarVersions webjars) throws IOException, URISyntaxException {
    var files = new HashMap<String, byte[]>();
    var url = OwnFiles.class.getClassLoader().getResource(WEBROOT + "/" + ANCHOR);
    if (url == null) {
      throw new IllegalStateException("the front end is not on the class path");
    }
    if (url.openConnection() instanceof JarURLConnection connection) {
      // Our own copy of the jar: closing it must not close the one classes are loaded from.
      connection.setUseCaches(false);
      try (var jar = connection.getJarFile()) {
        for (var entries = jar.entries(); entries.hasMoreElements(); ) {
          var entry = entries.nextElement();
          if (!entry.isDirectory() && entry.getName().startsWith(WEBROOT + "/")) {
            try (var in = jar.getInputStream(entry)) {
              files.put(entry.getName().substring(WEBROOT.length() + 1), in.readAllBytes());
            }
          }
        }
      }
    } else {
      var root = Path.of(url.toURI()).getParent();
      try (var walk = Files.walk(root)) {
        for (var file : walk.filter(Files::isRegularFile).toList()) {
          files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
        }
      }
    }
    var etags = new HashMap<String, String>();
    var pages = new HashMap<String, Buffer>();
    files.forEach(
        (path, bytes) -> {
          if (path.endsWith(".html")) {
            bytes =
                webjars
                    .versioned(new String(bytes, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            pages.put(path, Buffer.buffer(bytes));
          }
          etags.put(path, etag(bytes));
        });
    return new OwnFiles(Map.copyOf(etags), Map.copyOf(pages), webjars);
  }

  /** The webjar versions the pages were written with. */
  public WebjarVersions webjars() {
    return webjars;
  }

  /** The HTML pages as they are sent, for the content policy's hashes of their inline scripts. */
  public Collection<String> pageTexts() {
    return pages.values().stream().map(Buffer::toString).toList();
  }

  /**
   * Answers 304 to a browser that already has the file, sends a page from memory, and otherwise
   * lets the static handler send the file, with its ETag. Paths are the router's normalised ones.
   */
  public Handler<RoutingContext> serve() {
    return ctx -> {
      var path = ctx.normalizedPath().substring(1);
      if (path.isEmpty() || path.endsWith("/")) {
        path += "index.html";
      }
      var etag = etags.get(path);
      if (etag == null) {
        ctx.next();
        return;
      }
      var response = ctx.response().putHeader(HttpHeaders.ETAG, etag);
      if (matches(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
        response.setStatusCode(304).end();
      } else if (pages.containsKey(path)) {
        response
            .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
            .end(pages.get(path));
      } else {
        ctx.next();
      }
    };
  }

  /**
   * If-None-Match may list several tags, or name one weakly (a proxy that recompressed the body).
   */
  private static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (var candidate : ifNoneMatch.split(",")) {
      var tag = candidate.trim();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals(etag) || tag.equals("*")) {
        return true;
      }
    }
    return false;
  }

  private static String etag(byte[] bytes) {
    try {
      var digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return "\""
          + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22)
          + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
