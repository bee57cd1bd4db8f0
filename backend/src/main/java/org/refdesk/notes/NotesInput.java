package org.refdesk.notes;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.refdesk.notes.NotesRepository.NoteFields;
import org.refdesk.notes.NotesRepository.NotesPolicy;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.web.JsonInput;

/**
 * A note and a notes policy as an admin sends them, checked field by field; a 400 names the field.
 */
final class NotesInput {

  private static final Set<String> TOPICS = Set.copyOf(NotesLimits.TOPICS);
  private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");

  private NotesInput() {}

  static NoteFields note(JsonInput input) {
    return new NoteFields(
        topic(input),
        input.requiredText("title", NotesLimits.TITLE_CHARS),
        input.requiredText("body", NotesLimits.BODY_CHARS),
        links(input.json()));
  }

  static String topic(JsonInput input) {
    return input.oneOf("topic", TOPICS);
  }

  /** {@code {staleAfterDays, localOnly: [{topic, keywords: [...]}]}}, both required. */
  static NotesPolicy policy(JsonInput input) {
    var days = input.json().getValue("staleAfterDays");
    if (!(days instanceof Number n)
        || n.doubleValue() != n.longValue()
        || n.longValue() < NotesLimits.STALE_DAYS_MIN
        || n.longValue() > NotesLimits.STALE_DAYS_MAX) {
      throw ApiException.invalid(
          "'staleAfterDays' must be a whole number from "
              + NotesLimits.STALE_DAYS_MIN
              + " to "
              + NotesLimits.STALE_DAYS_MAX
              + ".");
    }
    if (!(input.json().getValue("localOnly") instanceof JsonArray list)) {
      throw ApiException.invalid("'localOnly' must be a list of {topic, keywords}.");
    }
    var topics = new ArrayList<LocalTopic>();
    var seen = new HashSet<String>();
    for (var item : list) {
      if (!(item instanceof JsonObject entry)) {
        throw ApiException.invalid("Each of 'localOnly' must be {topic, keywords}.");
      }
      var fields = JsonInput.of(entry);
      var topic = topic(fields);
      if (!seen.add(topic)) {
        throw ApiException.invalid("'localOnly' names the topic '" + topic + "' twice.");
      }
      var keywords =
          fields.textList("keywords", NotesLimits.KEYWORDS, NotesLimits.KEYWORD_CHARS).stream()
              .map(word -> word.toLowerCase(Locale.ROOT))
              .distinct()
              .toList();
      topics.add(new LocalTopic(topic, keywords));
    }
    return new NotesPolicy(n.intValue(), topics);
  }

  private static JsonArray links(JsonObject json) {
    var value = json.getValue("links");
    if (value == null) {
      return new JsonArray();
    }
    if (!(value instanceof JsonArray array)) {
      throw ApiException.invalid("'links' must be a list of {title, url}.");
    }
    if (array.size() > NotesLimits.LINKS) {
      throw ApiException.invalid("'links' may hold at most " + NotesLimits.LINKS + " links.");
    }
    var links = new JsonArray();
    for (var item : array) {
      if (!(item instanceof JsonObject link)) {
        throw ApiException.invalid("Each of 'links' must be {title, url}.");
      }
      var fields = JsonInput.of(link);
      var title = fields.requiredText("title", NotesLimits.LINK_TITLE_CHARS);
      var url = fields.requiredText("url", NotesLimits.LINK_URL_CHARS);
      requireSafeUrl(url);
      links.add(new JsonObject().put("title", title).put("url", url));
    }
    return links;
  }

  private static void requireSafeUrl(String url) {
    try {
      var scheme = new URI(url).getScheme();
      if (scheme == null || !LINK_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
        throw ApiException.invalid("A link's 'url' must start with http:, https: or mailto:.");
      }
    } catch (URISyntaxException e) {
      throw ApiException.invalid("A link's 'url' is not a valid address.");
    }
  }
}
