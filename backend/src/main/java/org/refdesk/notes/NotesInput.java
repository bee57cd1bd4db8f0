package org.refdesk.notes;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.refdesk.notes.NotesRepository.NoteFields;
import org.refdesk.notes.NotesRepository.NotesPolicy;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.web.JsonInput;
import org.refdesk.platform.web.LinkList;

/**
 * A note and a notes policy as an admin sends them, checked field by field; a 400 names the field.
 */
final class NotesInput {

  private static final Set<String> TOPICS = Set.copyOf(NotesLimits.TOPICS);

  private NotesInput() {}

  static NoteFields note(JsonInput input) {
    return new NoteFields(
        topic(input),
        input.requiredText("title", NotesLimits.TITLE_CHARS),
        input.requiredText("body", NotesLimits.BODY_CHARS),
        LinkList.read(
            input.json(),
            NotesLimits.LINKS,
            NotesLimits.LINK_TITLE_CHARS,
            NotesLimits.LINK_URL_CHARS));
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
}
