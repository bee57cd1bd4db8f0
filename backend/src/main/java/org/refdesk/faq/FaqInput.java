package org.refdesk.faq;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import org.refdesk.faq.FaqRepository.FaqFields;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.web.JsonInput;

/** An FAQ as an admin sends it, checked field by field; anything wrong is a 400 naming it. */
final class FaqInput {

  private static final Set<String> VISIBILITIES = Set.of(Faq.PUBLIC, Faq.INTERNAL);
  private static final Set<String> LANGUAGES = Set.of("en", "es");
  private static final Set<String> STATUSES = Set.of(Faq.DRAFT, Faq.PUBLISHED);
  private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");

  private FaqInput() {}

  static FaqFields fields(JsonInput input) {
    var question = input.requiredText("question", FaqLimits.QUESTION_CHARS);
    var answer = input.requiredText("answerMarkdown", FaqLimits.ANSWER_CHARS);
    var topics = input.textList("topics", FaqLimits.TOPICS, FaqLimits.TOPIC_CHARS);
    var visibility = input.oneOf("visibility", VISIBILITIES);
    var language = input.json().containsKey("language") ? input.oneOf("language", LANGUAGES) : "en";
    return new FaqFields(question, answer, topics, visibility, language, links(input.json()));
  }

  /** {@code draft} or {@code published}; published when not said. */
  static String status(JsonInput input) {
    return input.json().containsKey("status") ? input.oneOf("status", STATUSES) : Faq.PUBLISHED;
  }

  private static JsonArray links(JsonObject json) {
    var value = json.getValue("links");
    if (value == null) {
      return new JsonArray();
    }
    if (!(value instanceof JsonArray array)) {
      throw ApiException.invalid("'links' must be a list of {title, url}.");
    }
    if (array.size() > FaqLimits.LINKS) {
      throw ApiException.invalid("'links' may hold at most " + FaqLimits.LINKS + " links.");
    }
    var links = new JsonArray();
    for (var item : array) {
      if (!(item instanceof JsonObject link)) {
        throw ApiException.invalid("Each of 'links' must be {title, url}.");
      }
      var fields = JsonInput.of(link);
      var title = fields.requiredText("title", FaqLimits.LINK_TITLE_CHARS);
      var url = fields.requiredText("url", FaqLimits.LINK_URL_CHARS);
      requireSafeUrl(url);
      links.add(new JsonObject().put("title", title).put("url", url));
    }
    return links;
  }

  private static void requireSafeUrl(String url) {
    try {
      var uri = new URI(url);
      var scheme = uri.getScheme();
      if (scheme == null || !LINK_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
        throw ApiException.invalid("A link's 'url' must start with http:, https: or mailto:.");
      }
    } catch (URISyntaxException e) {
      throw ApiException.invalid("A link's 'url' is not a valid address.");
    }
  }
}
