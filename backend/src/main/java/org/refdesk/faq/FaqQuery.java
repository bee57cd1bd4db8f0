package org.refdesk.faq;

import java.util.ArrayList;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a person typed, made into the text of a {@code to_tsquery}: its words only (letters and
 * digits), so nothing they type can be tsquery syntax, joined by {@code &} (every word) or {@code
 * |} (any word, for suggestions from a whole question), the last word a prefix ({@code :*}) because
 * they may still be typing it. The text goes to Postgres as a parameter and is stemmed there in
 * each FAQ's own language.
 */
final class FaqQuery {

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private FaqQuery() {}

  /** Empty when the text holds no word. */
  static Optional<String> of(String typed, boolean anyWord) {
    var words = new ArrayList<String>();
    var matcher = WORD.matcher(typed);
    while (matcher.find() && words.size() < FaqLimits.QUERY_WORDS) {
      words.add(matcher.group().toLowerCase(java.util.Locale.ROOT));
    }
    if (words.isEmpty()) {
      return Optional.empty();
    }
    boolean stillTyping =
        !typed.isEmpty() && WORD.matcher(typed.substring(typed.length() - 1)).matches();
    int last = words.size() - 1;
    if (stillTyping) {
      words.set(last, words.get(last) + ":*");
    }
    return Optional.of(String.join(anyWord ? " | " : " & ", words));
  }
}
