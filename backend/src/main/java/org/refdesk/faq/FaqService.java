package org.refdesk.faq;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.refdesk.chat.Chat;
import org.refdesk.chat.ChatAddresses;
import org.refdesk.chat.ChatEvent.Sender;
import org.refdesk.chat.ChatRepository;
import org.refdesk.chat.ChatVisibility;
import org.refdesk.faq.FaqRepository.FaqFields;
import org.refdesk.operator.Operator;
import org.refdesk.platform.bus.Identity;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;
import org.refdesk.queue.QueueRepository;

/**
 * The FAQ rules that reach past one table: searching in each FAQ's language, sending a public FAQ
 * into a chat as a link card (the server, not the client, says what the card holds), and making a
 * draft from an ended chat without what identifies its patron.
 */
final class FaqService {

  /** Events of a chat read to make a draft: far more than any real reference chat holds. */
  private static final int DRAFT_EVENTS = 500;

  private final Vertx vertx;
  private final FaqRepository faqs;
  private final ChatRepository chats;
  private final ChatVisibility visibility;
  private final QueueRepository queues;
  private final String publicUrl;

  FaqService(
      Vertx vertx,
      FaqRepository faqs,
      ChatRepository chats,
      ChatVisibility visibility,
      QueueRepository queues,
      String publicUrl) {
    this.vertx = vertx;
    this.faqs = faqs;
    this.chats = chats;
    this.visibility = visibility;
    this.queues = queues;
    this.publicUrl = publicUrl;
  }

  /**
   * Published FAQs of the library: those matching {@code typed}, best first, or all by question
   * when nothing was typed. {@code anyWord}: a whole question, where any of its words may match.
   */
  Future<List<Faq>> find(
      long libraryId, Optional<String> typed, boolean anyWord, boolean internal, int limit) {
    if (typed.isEmpty()) {
      return faqs.published(libraryId, internal, limit);
    }
    return FaqQuery.of(typed.get(), anyWord)
        .map(query -> faqs.search(libraryId, query, internal, limit))
        .orElseGet(() -> Future.succeededFuture(List.of()));
  }

  /** The public page of an FAQ, the address a card and the widget's suggestions link to. */
  String pageUrl(String queueSlug, long faqId) {
    return publicUrl
        + "/faq/?queue="
        + URLEncoder.encode(queueSlug, StandardCharsets.UTF_8)
        + "#faq-"
        + faqId;
  }

  /**
   * Sends a published public FAQ of the chat's library into the chat as the operator's message,
   * through the chat's own writing path: stored and numbered before anyone hears of it, once per
   * {@code clientMsgId}. Answers what the chat verticle answers, {@code {seq, at}}, with the card.
   */
  Future<JsonObject> sendCard(
      Operator operator, Identity caller, long chatId, long faqId, String clientMsgId) {
    return visibility
        .chatFor(caller, chatId)
        .compose(
            chat ->
                faqs.find(chat.libraryId(), faqId)
                    .compose(
                        found -> {
                          if (found.isEmpty()) {
                            return Future.failedFuture(
                                ApiException.notFound("There is no such FAQ in your library."));
                          }
                          if (!found.get().isPublicAndPublished()) {
                            return Future.failedFuture(
                                ApiException.invalid(
                                    "Only a published public FAQ can be sent to a patron."));
                          }
                          return queues
                              .byId(chat.queueId())
                              .compose(
                                  queue ->
                                      send(
                                          operator,
                                          chatId,
                                          found.get(),
                                          pageUrl(queue.orElseThrow().slug(), faqId),
                                          clientMsgId));
                        }));
  }

  private Future<JsonObject> send(
      Operator operator, long chatId, Faq faq, String url, String clientMsgId) {
    var card =
        new JsonObject()
            .put("kind", "faq")
            .put("id", faq.id())
            .put("title", faq.question())
            .put("url", url);
    var message =
        new JsonObject()
            .put("chatId", chatId)
            .put("text", faq.question() + " — " + url)
            .put("clientMsgId", clientMsgId)
            .put("data", new JsonObject().put("card", card));
    var headers = new DeliveryOptions();
    Identity.operator(operator.id(), operator.libraryId())
        .toHeaders()
        .forEach(header -> headers.addHeader(header.getKey(), (String) header.getValue()));
    return vertx
        .eventBus()
        .<JsonObject>request(ChatAddresses.CHAT_SEND_ATTACHED, message, headers)
        .map(reply -> reply.body().copy().put("card", card))
        .recover(
            failure ->
                Future.failedFuture(
                    failure instanceof ReplyException refused && refused.failureCode() > 0
                        ? new ApiException(
                            ErrorCode.fromFailureCode(refused.failureCode()), refused.getMessage())
                        : failure));
  }

  /**
   * A draft from an ended chat the caller may see: the question from the patron's words, the answer
   * from what the librarians sent, each without the patron's identifiers; it waits for an admin to
   * review and publish it, and is public once published unless the admin says otherwise.
   */
  Future<Faq> draftFrom(Operator operator, Identity caller, long chatId) {
    return visibility
        .chatFor(caller, chatId)
        .compose(
            chat ->
                Chat.ENDED.equals(chat.state())
                    ? chats
                        .transcript(chatId, DRAFT_EVENTS)
                        .compose(events -> draft(operator, chat, events))
                    : Future.failedFuture(
                        new ApiException(
                            ErrorCode.CONFLICT, "Only an ended chat can be made an FAQ draft.")));
  }

  private Future<Faq> draft(Operator operator, Chat chat, List<JsonObject> events) {
    var patron = new ArrayList<String>();
    var librarians = new ArrayList<String>();
    for (var event : events) {
      var from = event.getJsonObject("from");
      var text = event.getString("text");
      if (!"message".equals(event.getString("type")) || from == null || text == null) {
        continue;
      }
      if (Sender.PATRON.equals(from.getString("kind"))) {
        patron.add(text);
      } else if (Sender.OPERATOR.equals(from.getString("kind"))) {
        librarians.add(text);
      }
    }
    if (librarians.isEmpty()) {
      return Future.failedFuture(
          new ApiException(
              ErrorCode.CONFLICT, "Nobody answered in this chat, so there is no answer to keep."));
    }
    var name = chat.patronName();
    var question = FaqDraft.question(chat.question(), patron, name);
    var fields =
        new FaqFields(
            question.isBlank() ? "?" : question,
            FaqDraft.answer(librarians, name),
            List.of(),
            Faq.PUBLIC,
            "en",
            new JsonArray());
    return faqs.create(chat.libraryId(), fields, Faq.DRAFT, chat.id(), operator.id());
  }
}
