package org.refdesk.chat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.refdesk.chat.ChatEvent.Sender;
import org.refdesk.operator.Operator;
import org.refdesk.platform.bus.Identity;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;

/**
 * Putting a chat aside without answering it: a missed chat nobody will follow up, or a waiting one
 * that is spam. Only a waiting or missed chat of the operator's own library may be dismissed (a
 * chat in progress belongs to its owner); the reason is kept and counted, and the chat ends so it
 * leaves the queue and the missed list.
 */
public final class ChatDismissals {

  /** The reasons an operator chooses from; the app words each one. */
  public static final List<String> REASONS =
      List.of("spam", "test", "duplicate", "answered_elsewhere", "no_contact", "other");

  static final int NOTE_CHARS = 500;
  static final int COUNT_DAYS_DEFAULT = 30;
  static final int COUNT_DAYS_MAX = 366;

  private final ChatRepository chats;
  private final ChatVisibility visibility;
  private final ChatLifecycle lifecycle;

  public ChatDismissals(ChatRepository chats, ChatVisibility visibility, ChatLifecycle lifecycle) {
    this.chats = chats;
    this.visibility = visibility;
    this.lifecycle = lifecycle;
  }

  /** Stores the dismissal and ends the chat; answers {@code {chatId, reason}}. */
  Future<JsonObject> dismiss(Operator operator, long chatId, String reason, String note) {
    return visibility
        .requireVisible(Identity.operator(operator.id(), operator.libraryId()), chatId)
        .compose(
            visible -> chats.dismiss(chatId, operator.libraryId(), reason, note, operator.id()))
        .compose(
            found -> {
              if (found.isEmpty()) {
                return Future.failedFuture(ApiException.notFound("There is no such chat."));
              }
              var dismissal = found.get();
              if (!dismissal.stored()) {
                return Future.failedFuture(refusal(dismissal.state()));
              }
              // The patron is told only that the chat ended, never the reason.
              return lifecycle
                  .end(chatId, new Sender(Sender.OPERATOR, operator.id(), operator.displayName()))
                  .recover(alreadyEnded -> Future.succeededFuture())
                  .map(v -> new JsonObject().put("chatId", chatId).put("reason", reason));
            });
  }

  private static ApiException refusal(String state) {
    return switch (state) {
      case Chat.ACTIVE ->
          new ApiException(
              ErrorCode.CONFLICT, "A librarian is answering this chat: only they can end it.");
      case Chat.WAITING, Chat.MISSED ->
          new ApiException(ErrorCode.CONFLICT, "This chat has been dismissed already.");
      default -> new ApiException(ErrorCode.CHAT_ENDED, "This chat has ended.");
    };
  }

  /** The library's dismissals of the last {@code days} days, per reason (every reason named). */
  Future<JsonObject> counts(long libraryId, int days) {
    return chats
        .dismissalCounts(libraryId, days)
        .map(
            found -> {
              var counts = new JsonObject();
              REASONS.forEach(reason -> counts.put(reason, found.getOrDefault(reason, 0L)));
              return new JsonObject().put("days", days).put("counts", counts);
            });
  }
}
