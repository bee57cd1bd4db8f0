package org.refdesk.faq;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.refdesk.chat.ChatEvent;

/** One FAQ of a library, as stored; its answer is rendered only when it is shown. */
public record Faq(
    long id,
    long libraryId,
    String question,
    String answerMarkdown,
    List<String> topics,
    String visibility,
    String language,
    JsonArray links,
    String status,
    Long sourceChatId,
    Long createdBy,
    Long reviewedBy,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  public static final String PUBLIC = "public";
  public static final String INTERNAL = "internal";
  public static final String DRAFT = "draft";
  public static final String PUBLISHED = "published";

  static Faq from(Row row) {
    var topics = row.getArrayOfStrings("topics");
    return new Faq(
        row.getLong("id"),
        row.getLong("library_id"),
        row.getString("question"),
        row.getString("answer_markdown"),
        topics == null ? List.of() : Arrays.asList(topics),
        row.getString("visibility"),
        row.getString("language"),
        row.getValue("links") instanceof JsonArray links ? links : new JsonArray(),
        row.getString("status"),
        row.getLong("source_chat_id"),
        row.getLong("created_by"),
        row.getLong("reviewed_by"),
        row.getOffsetDateTime("created_at"),
        row.getOffsetDateTime("updated_at"));
  }

  public boolean isPublicAndPublished() {
    return PUBLIC.equals(visibility) && PUBLISHED.equals(status);
  }

  /** A result in a list: the question, a short plain excerpt of the answer, its topics. */
  JsonObject summary() {
    return new JsonObject()
        .put("id", id)
        .put("question", question)
        .put("excerpt", FaqMarkdown.excerpt(answerMarkdown, FaqLimits.EXCERPT_CHARS))
        .put("topics", new JsonArray(topics))
        .put("visibility", visibility)
        .put("language", language)
        .put("status", status);
  }

  /** Everything staff see: the Markdown to edit and the rendered answer to read. */
  JsonObject toJson() {
    return summary()
        .put("answerMarkdown", answerMarkdown)
        .put("answerHtml", FaqMarkdown.html(answerMarkdown))
        .put("links", links.copy())
        .put("sourceChatId", sourceChatId)
        .put("createdBy", createdBy)
        .put("reviewedBy", reviewedBy)
        .put("createdAt", ChatEvent.iso(createdAt))
        .put("updatedAt", ChatEvent.iso(updatedAt));
  }

  /** What a patron may see of a public FAQ: no staff, no source chat, no Markdown. */
  JsonObject toPublicJson(boolean withAnswer) {
    var json =
        new JsonObject()
            .put("id", id)
            .put("question", question)
            .put("excerpt", FaqMarkdown.excerpt(answerMarkdown, FaqLimits.EXCERPT_CHARS))
            .put("topics", new JsonArray(topics))
            .put("language", language);
    if (withAnswer) {
      json.put("answerHtml", FaqMarkdown.html(answerMarkdown)).put("links", links.copy());
    }
    return json;
  }
}
