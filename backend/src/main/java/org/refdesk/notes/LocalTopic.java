package org.refdesk.notes;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A topic the library answers only by its own staff, with the words that show a patron's question
 * touches it.
 */
public record LocalTopic(String topic, List<String> keywords) {

  /**
   * The keywords found in the text, each as a whole word or phrase, whatever its case: "fine"
   * matches "a fine on my card" but not "define".
   */
  List<String> foundIn(String text) {
    var found = new ArrayList<String>();
    var lower = text.toLowerCase(Locale.ROOT);
    for (var keyword : keywords) {
      var pattern =
          Pattern.compile(
              "(?<![\\p{L}\\p{N}])"
                  + Pattern.quote(keyword.toLowerCase(Locale.ROOT))
                  + "(?![\\p{L}\\p{N}])");
      if (pattern.matcher(lower).find()) {
        found.add(keyword);
      }
    }
    return found;
  }

  JsonObject toJson() {
    return new JsonObject().put("topic", topic).put("keywords", new JsonArray(keywords));
  }
}
