package org.refdesk.notes;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.refdesk.chat.Chat;
import org.refdesk.chat.ChatEvent.Sender;
import org.refdesk.chat.ChatLifecycle;
import org.refdesk.chat.ChatRepository;
import org.refdesk.chat.ChatVisibility;
import org.refdesk.faq.Faq;
import org.refdesk.faq.FaqRepository;
import org.refdesk.library.Library;
import org.refdesk.library.LibraryRepository;
import org.refdesk.notes.NotesRepository.NotesPolicy;
import org.refdesk.operator.Operator;
import org.refdesk.platform.bus.Identity;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;
import org.refdesk.ticket.TicketService;

/**
 * The home library card of a chat: what the chat's own library (never the caller's) tells whoever
 * answers its patrons, and sending a question on a local-only topic home as a ticket. Whoever may
 * see the chat may read its card; {@link ChatVisibility} decides, so a colleague of a co-op who
 * sees the chat sees its home library's card.
 */
final class HomeCards {

  private final NotesRepository notes;
  private final ChatVisibility visibility;
  private final ChatRepository chats;
  private final ChatLifecycle lifecycle;
  private final LibraryRepository libraries;
  private final FaqRepository faqs;
  private final TicketService tickets;

  HomeCards(
      NotesRepository notes,
      ChatVisibility visibility,
      ChatRepository chats,
      ChatLifecycle lifecycle,
      LibraryRepository libraries,
      FaqRepository faqs,
      TicketService tickets) {
    this.notes = notes;
    this.visibility = visibility;
    this.chats = chats;
    this.lifecycle = lifecycle;
    this.libraries = libraries;
    this.faqs = faqs;
    this.tickets = tickets;
  }

  /**
   * The card: the home library with its local time now, its notes (each flagged when older than the
   * library's chosen age), its local-only topics with the keywords the patron's words hit, and up
   * to five of its public FAQs for the question.
   */
  Future<JsonObject> card(Operator operator, Identity caller, long chatId) {
    return visibility
        .chatFor(caller, chatId)
        .compose(
            chat ->
                patronWords(chat)
                    .compose(
                        words ->
                            Future.all(
                                    home(chat),
                                    notes.all(chat.libraryId()),
                                    notes.policy(chat.libraryId()),
                                    faqs.publicFor(
                                        chat.libraryId(),
                                        latestFirst(words),
                                        NotesLimits.CARD_FAQS))
                                .map(
                                    all ->
                                        card(
                                            operator,
                                            chat,
                                            all.resultAt(0),
                                            all.resultAt(1),
                                            all.resultAt(2),
                                            String.join("\n", words),
                                            all.resultAt(3)))));
  }

  private static JsonObject card(
      Operator operator,
      Chat chat,
      Library home,
      List<LibraryNote> found,
      NotesPolicy policy,
      String patronWords,
      List<Faq> homeFaqs) {
    var now = OffsetDateTime.now(ZoneOffset.UTC);
    var zone = zone(home.timezone());
    var notesJson = new JsonArray();
    found.forEach(note -> notesJson.add(note.toJson(now, policy.staleAfterDays())));
    var localJson = new JsonArray();
    boolean matched = false;
    for (var topic : policy.localTopics()) {
      var hits = topic.foundIn(patronWords);
      matched |= !hits.isEmpty();
      localJson.add(topic.toJson().put("matched", new JsonArray(hits)));
    }
    var faqsJson = new JsonArray();
    homeFaqs.forEach(
        faq ->
            faqsJson.add(
                new JsonObject()
                    .put("id", faq.id())
                    .put("question", faq.question())
                    .put("excerpt", excerpt(faq.answerMarkdown()))));
    return new JsonObject()
        .put("chatId", chat.id())
        .put("own", chat.libraryId() == operator.libraryId())
        .put(
            "library",
            home.toJson()
                .put("timezone", zone.getId())
                .put("now", now.atZoneSameInstant(zone).toOffsetDateTime().toString()))
        .put("staleAfterDays", policy.staleAfterDays())
        .put("topics", new JsonArray(NotesLimits.TOPICS))
        .put("notes", notesJson)
        .put("localOnly", localJson)
        .put("localOnlyMatch", matched)
        .put("faqs", faqsJson)
        .put("limits", NotesLimits.forClients());
  }

  /**
   * Turns the chat into a follow-up ticket in its home library, tells the patron who will answer,
   * and ends the chat. Refused, with nothing written, unless the topic is one the home library
   * keeps to itself, the chat is open, the caller takes part in it (or it still waits), and the
   * patron gave an e-mail address.
   */
  Future<JsonObject> sendHome(
      Operator operator, Identity caller, long chatId, String topic, Optional<String> note) {
    return visibility
        .chatFor(caller, chatId)
        .compose(
            chat -> {
              if (!chat.isOpen()) {
                return Future.failedFuture(
                    new ApiException(
                        ErrorCode.CHAT_ENDED,
                        "This chat has ended: make a follow-up ticket from it instead."));
              }
              return takesPart(operator, chat)
                  .compose(v -> Future.all(home(chat), notes.policy(chat.libraryId())))
                  .compose(
                      both -> {
                        Library home = both.resultAt(0);
                        NotesPolicy policy = both.resultAt(1);
                        if (policy.localTopics().stream().noneMatch(t -> t.topic().equals(topic))) {
                          return Future.failedFuture(
                              new ApiException(
                                  ErrorCode.CONFLICT,
                                  "'"
                                      + topic
                                      + "' is not a topic "
                                      + home.name()
                                      + " answers only itself: answer the question in the chat."));
                        }
                        return sendHome(operator, caller, chat, home, topic, note);
                      });
            });
  }

  private Future<JsonObject> sendHome(
      Operator operator,
      Identity caller,
      Chat chat,
      Library home,
      String topic,
      Optional<String> note) {
    var line = "A librarian of " + home.name() + " will answer this by e-mail.";
    var ticketNote =
        "Sent home from the chat by "
            + operator.displayName()
            + ": a question on "
            + topic
            + ", which "
            + home.name()
            + " answers itself."
            + note.map(text -> "\n\n" + text).orElse("");
    // The ticket feature makes it in the chat's library, as every follow-up of a chat.
    return tickets
        .followUpOf(caller, chat.id(), Optional.of(ticketNote))
        .compose(
            ticketId ->
                lifecycle
                    .end(chat.id(), Sender.system(), line)
                    .map(true)
                    // Ended by the patron a moment ago: the ticket stands, and its e-mail answers.
                    .recover(endedMeanwhile -> Future.succeededFuture(false))
                    .map(
                        ended ->
                            new JsonObject()
                                .put("chatId", chat.id())
                                .put("ticketId", ticketId)
                                .put("topic", topic)
                                .put("library", home.toJson())
                                .put("line", line)
                                .put("chatEnded", ended)));
  }

  /** A waiting chat may be sent home by whoever sees it; an answered one by those answering it. */
  private Future<Void> takesPart(Operator operator, Chat chat) {
    if (Chat.WAITING.equals(chat.state())) {
      return Future.succeededFuture();
    }
    return chats
        .isParticipant(chat.id(), operator.id())
        .compose(
            yes ->
                yes
                    ? Future.<Void>succeededFuture()
                    : Future.failedFuture(
                        new ApiException(
                            ErrorCode.NOT_PARTICIPANT,
                            "Only an operator taking part in the chat may send it home.")));
  }

  private Future<Library> home(Chat chat) {
    return libraries
        .find(chat.libraryId())
        .map(found -> found.orElseThrow(() -> ApiException.notFound("There is no such chat.")));
  }

  /**
   * The question and the patron's latest messages, oldest first: what a local-only topic's keywords
   * are sought in.
   */
  private Future<List<String>> patronWords(Chat chat) {
    int after = Math.max(0, chat.lastSeq() - NotesLimits.MATCHED_EVENTS);
    return chats
        .eventsAfter(chat.id(), after, NotesLimits.MATCHED_EVENTS)
        .map(
            events -> {
              var words = new ArrayList<String>();
              words.add(chat.question() == null ? "" : chat.question());
              for (var event : events) {
                var from = event.getJsonObject("from", new JsonObject());
                if ("message".equals(event.getString("type"))
                    && Sender.PATRON.equals(from.getString("kind"))) {
                  words.add(event.getString("text", ""));
                }
              }
              return words;
            });
  }

  /**
   * What the FAQs are matched to: the patron's two latest messages, then the question; a search
   * weighs only its first words, and what the patron wrote last says best what they need now.
   */
  private static String latestFirst(List<String> words) {
    var parts = new ArrayList<String>();
    for (int i = words.size() - 1; i >= 1 && parts.size() < 2; i--) {
      parts.add(words.get(i));
    }
    parts.add(words.get(0));
    return String.join(" ", parts) + " ";
  }

  private static ZoneId zone(String timezone) {
    try {
      return ZoneId.of(timezone);
    } catch (DateTimeException unknown) {
      return ZoneOffset.UTC;
    }
  }

  private static String excerpt(String markdown) {
    var line = markdown.strip().replaceAll("\\s+", " ");
    return line.length() <= NotesLimits.FAQ_EXCERPT_CHARS
        ? line
        : line.substring(0, NotesLimits.FAQ_EXCERPT_CHARS - 1) + "…";
  }
}
