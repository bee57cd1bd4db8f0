package org.refdesk.search;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A snippet as the client shows it: pieces of plain text, each saying whether it is a hit. The
 * client writes each piece as text (a hit inside {@code <mark>}), so no HTML ever comes from the
 * server and no text a patron typed can become markup.
 */
final class Snippet {

  private Snippet() {}

  /** Splits a headline at the markers Postgres put around the hits, brackets put back. */
  static JsonArray pieces(String marked) {
    var pieces = new JsonArray();
    if (marked == null || marked.isEmpty()) {
      return pieces;
    }
    var text = new StringBuilder();
    boolean hit = false;
    for (int i = 0; i < marked.length(); i++) {
      char ch = marked.charAt(i);
      if (ch == SearchSql.START || ch == SearchSql.STOP) {
        add(pieces, text, hit);
        hit = ch == SearchSql.START;
      } else if (ch == SearchSql.LESS) {
        text.append('<');
      } else if (ch == SearchSql.GREATER) {
        text.append('>');
      } else {
        text.append(ch);
      }
    }
    add(pieces, text, hit);
    return pieces;
  }

  private static void add(JsonArray pieces, StringBuilder text, boolean hit) {
    if (!text.isEmpty()) {
      pieces.add(new JsonObject().put("text", text.toString()).put("hit", hit));
      text.setLength(0);
    }
  }
}
