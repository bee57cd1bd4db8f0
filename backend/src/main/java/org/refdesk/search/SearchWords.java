package org.refdesk.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.refdesk.platform.errors.ApiException;

/**
 * The words of what an operator typed, as a text-search query: any of the words (a result holding
 * more of them ranks higher), the last one also as a prefix so a half-typed word is found. Only
 * letters and digits reach the query, so nothing typed can be query syntax.
 */
record SearchWords(List<String> words) {

  private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** A last word this short is taken as typed: "a:*" would match half the library. */
  private static final int PREFIX_FROM_CHARS = 3;

  /** Empty when nothing was typed; a 400 when what was typed is too long or has no word in it. */
  static SearchWords parse(String raw) {
    var typed = raw == null ? "" : raw.strip();
    if (typed.length() > SearchLimits.QUERY_CHARS) {
      throw ApiException.invalid(
          "'q' must be at most " + SearchLimits.QUERY_CHARS + " characters.");
    }
    var words = new ArrayList<String>();
    for (var word : NOT_A_WORD.split(typed.toLowerCase(Locale.ROOT))) {
      if (!word.isEmpty() && !words.contains(word)) {
        words.add(word);
      }
    }
    if (!typed.isEmpty() && words.isEmpty()) {
      throw ApiException.invalid("'q' has no words to search for: letters or digits.");
    }
    if (words.size() > SearchLimits.QUERY_WORDS) {
      throw ApiException.invalid("'q' may have at most " + SearchLimits.QUERY_WORDS + " words.");
    }
    return new SearchWords(List.copyOf(words));
  }

  boolean isEmpty() {
    return words.isEmpty();
  }

  /** The query in to_tsquery syntax: {@code renew | laptop:*}; null when there are no words. */
  String tsquery() {
    if (words.isEmpty()) {
      return null;
    }
    var query = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      var word = words.get(i);
      if (i > 0) {
        query.append(" | ");
      }
      query.append(word);
      if (i == words.size() - 1 && word.length() >= PREFIX_FROM_CHARS) {
        query.append(":*");
      }
    }
    return query.toString();
  }
}
