package org.refdesk.chat;

import io.vertx.core.Future;
import org.refdesk.platform.bus.Identity;
import org.refdesk.platform.errors.ApiException;

/**
 * Who may see a chat now, decided here for the HTTP routes and the bridge alike: its patron, the
 * operators of its library, and, while it is a co-op chat (routed to a co-op's queue, waiting there
 * or claimed from there), the operators of the co-op's member libraries. Who may hear its
 * conversation live on the bridge is narrower once someone holds the chat: its participants (the
 * owner and colleagues sharing it), so an operator who transferred it away stops hearing it. The
 * facts come from the event loop's {@link ChatDirectory}, the memberships from {@link
 * LibraryCoops}.
 */
public final class ChatVisibility {

  private final ChatDirectory directory;
  private final ChatRepository chats;
  private final LibraryCoops coops;

  public ChatVisibility(ChatDirectory directory, ChatRepository chats, LibraryCoops coops) {
    this.directory = directory;
    this.chats = chats;
    this.coops = coops;
  }

  /** True when the identity may see the chat's events now; false for a chat that does not exist. */
  public Future<Boolean> maySee(Identity who, long chatId) {
    if (who.isPatron()) {
      return Future.succeededFuture(chatId == who.chatId());
    }
    return directory
        .get(chatId)
        .compose(
            found ->
                found.isEmpty()
                    ? Future.succeededFuture(false)
                    : librarySees(who.libraryId(), found.get()));
  }

  /** Whether operators of the library may see the chat: their own, or a co-op chat of theirs. */
  public Future<Boolean> librarySees(long libraryId, ChatFacts chat) {
    if (chat.libraryId() == libraryId) {
      return Future.succeededFuture(true);
    }
    if (chat.coopId() == null) {
      return Future.succeededFuture(false);
    }
    return coops.coopsOf(libraryId).map(theirs -> theirs.contains(chat.coopId()));
  }

  /**
   * Fails unless the identity may see the chat: a patron asking for another chat hears 403, an
   * operator asking for a chat of another library hears what a missing chat would answer, 404.
   */
  public Future<Void> requireVisible(Identity who, long chatId) {
    return maySee(who, chatId)
        .compose(
            visible ->
                visible
                    ? Future.<Void>succeededFuture()
                    : Future.failedFuture(
                        who.isPatron()
                            ? ApiException.forbidden("This token is for another chat.")
                            : ApiException.notFound("There is no such chat.")));
  }

  /**
   * The chat as its details panel shows it, if the identity may see it; fails as {@link
   * #requireVisible} does.
   */
  public Future<Chat> chatFor(Identity who, long chatId) {
    return requireVisible(who, chatId)
        .compose(visible -> chats.find(chatId))
        .compose(
            chat ->
                chat.isPresent()
                    ? Future.succeededFuture(chat.get())
                    : Future.failedFuture(ApiException.notFound("There is no such chat.")));
  }

  /**
   * Whether an event of the chat, about to reach an operator's socket, may: decided without
   * waiting, from this event loop's memory. While nobody holds the chat every operator of its
   * library may (previews); once someone does, only those taking part hear its conversation, and
   * the others hear only that it was claimed or ended (a colleague's preview shows who has it, and
   * its end). A chat this event loop has no facts of is read in the background and, meanwhile, not
   * heard: the listener finds the gap by sequence and reads it over HTTP, as the routes decide.
   */
  public boolean operatorMayHear(long operatorId, long libraryId, long chatId, String type) {
    // The socket proved at REGISTER that the operator may see the chat (of their library, or a
    // co-op chat of theirs, which it stays); a chat's end is announced to the directories (which
    // forget it) before its event.
    if ("claimed".equals(type) || "ended".equals(type)) {
      return true;
    }
    var facts = directory.known(chatId);
    return facts.isPresent()
        && (facts.get().libraryId() == libraryId
            || (facts.get().coopId() != null
                && coops.knownCoopsOf(libraryId).contains(facts.get().coopId())))
        && facts.get().operatorMayListen(operatorId);
  }

  /**
   * Whether a patron may write in the chat: its own only. An operator may send, and the chat
   * verticle checks, in the same transaction as the write, that they take part.
   */
  public boolean patronMayWrite(Identity who, long chatId) {
    return !who.isPatron() || chatId == who.chatId();
  }
}
