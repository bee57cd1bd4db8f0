package org.refdesk.faq;

import java.util.Set;
import org.refdesk.faq.FaqRepository.FaqFields;
import org.refdesk.platform.web.JsonInput;
import org.refdesk.platform.web.LinkList;

/** An FAQ as an admin sends it, checked field by field; anything wrong is a 400 naming it. */
final class FaqInput {

  private static final Set<String> VISIBILITIES = Set.of(Faq.PUBLIC, Faq.INTERNAL);
  private static final Set<String> LANGUAGES = Set.of("en", "es");
  private static final Set<String> STATUSES = Set.of(Faq.DRAFT, Faq.PUBLISHED);

  private FaqInput() {}

  static FaqFields fields(JsonInput input) {
    var question = input.requiredText("question", FaqLimits.QUESTION_CHARS);
    var answer = input.requiredText("answerMarkdown", FaqLimits.ANSWER_CHARS);
    var topics = input.textList("topics", FaqLimits.TOPICS, FaqLimits.TOPIC_CHARS);
    var visibility = input.oneOf("visibility", VISIBILITIES);
    var language = input.json().containsKey("language") ? input.oneOf("language", LANGUAGES) : "en";
    return new FaqFields(
        question,
        answer,
        topics,
        visibility,
        language,
        LinkList.read(
            input.json(), FaqLimits.LINKS, FaqLimits.LINK_TITLE_CHARS, FaqLimits.LINK_URL_CHARS));
  }

  /** {@code draft} or {@code published}; published when not said. */
  static String status(JsonInput input) {
    return input.json().containsKey("status") ? input.oneOf("status", STATUSES) : Faq.PUBLISHED;
  }
}
