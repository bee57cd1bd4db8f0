package org.refdesk.chat;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.refdesk.chat.ChatEvent.Sender;
import org.refdesk.chat.ChatRepository.MessageSend;
import org.refdesk.chat.ChatRepository.StoredMessage;
import org.refdesk.operator.KnownOperators;
import org.refdesk.operator.OperatorRepository;
import org.refdesk.platform.bus.BusFailures;
import org.refdesk.platform.bus.Identity;
import org.refdesk.platform.config.RefdeskConfig;
import org.refdesk.platform.db.Database;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;
import org.refdesk.platform.metrics.RefdeskMetrics;

/**
 * Takes messages and typing from the bridge. Messages go through a few writing lanes per node; each
 * lane commits whatever arrived while its previous commit ran as one transaction (group commit),
 * and a chat always uses the same lane so its messages keep their order. Each sender hears back
 * only after the commit, and only then do the others hear of the message.
 */
public final class ChatVerticle extends VerticleBase {

  private static final Logger log = Logger.getLogger(ChatVerticle.class.getName());
  static final int MAX_BATCH = 100;

  private final RefdeskConfig config;
  private final RefdeskMetrics metrics;

  /**
   * Writing lanes: a chat always uses the same lane, so its messages keep their order, while chats
   * on different lanes commit in parallel on their own connections.
   */
  private final Lane[] lanes;

  private ChatRepository chats;
  private Typists typists;

  public ChatVerticle(RefdeskConfig config, RefdeskMetrics metrics) {
    this.config = config;
    this.metrics = metrics;
    this.lanes = new Lane[Math.max(1, config.writeLanes())];
    for (int i = 0; i < lanes.length; i++) {
      lanes[i] = new Lane();
    }
  }

  @Override
  public Future<?> start() {
    var pool = Database.pool(vertx, config);
    chats = new ChatRepository(pool);
    var operators = new KnownOperators(new OperatorRepository(pool), vertx);
    typists = new Typists(chats, operators);
    var bus = vertx.eventBus();
    // Local consumers: a browser's command is handled on the node its socket is on. The memories
    // listen first, so no frame is answered from what an event should have cleared.
    return Future.all(operators.forgetWhenDisabled(bus), typists.forgetEndedChats(bus))
        .compose(
            listening ->
                Future.all(
                    bus.<JsonObject>localConsumer(ChatAddresses.CHAT_SEND, this::send).completion(),
                    bus.<JsonObject>localConsumer(
                            ChatAddresses.CHAT_SEND_ATTACHED, message -> send(message, true))
                        .completion(),
                    bus.<JsonObject>localConsumer(ChatAddresses.CHAT_TYPING, this::typing)
                        .completion()));
  }

  private void send(Message<JsonObject> message) {
    send(message, false);
  }

  /**
   * {@code attached}: the message came from a server feature on {@link
   * ChatAddresses#CHAT_SEND_ATTACHED}, so its {@code data} is kept; a browser's is never read.
   */
  private void send(Message<JsonObject> message, boolean attached) {
    long arrived = System.nanoTime();
    var who = Identity.from(message.headers());
    try {
      var body = MessageInput.body(message);
      long chatId = MessageInput.id(body, "chatId", "a chat id");
      var text = MessageInput.text(body);
      var clientMsgId = MessageInput.clientMsgId(body);
      requireMayWriteTo(who, chatId);
      var data = attached ? body.getJsonObject("data") : null;
      var send =
          who.isPatron()
              ? new MessageSend(chatId, clientMsgId, Sender.PATRON, null, text, data)
              : new MessageSend(chatId, clientMsgId, Sender.OPERATOR, who.id(), text, data);
      var lane = lanes[(int) (chatId % lanes.length)];
      lane.pending.add(new PendingSend(message, send, who, arrived));
      writeNextBatch(lane);
    } catch (ApiException e) {
      fail(message, e);
    }
  }

  private void writeNextBatch(Lane lane) {
    if (lane.writing || lane.pending.isEmpty()) {
      return;
    }
    lane.writing = true;
    var batch = new ArrayList<PendingSend>();
    var inBatch = new HashSet<String>();
    var heldBack = new ArrayList<PendingSend>();
    while (!lane.pending.isEmpty() && batch.size() < MAX_BATCH) {
      var next = lane.pending.poll();
      // The same message twice in one batch (a resend over another socket) waits for the next
      // batch,
      // which finds the first copy stored and answers its seq.
      if (inBatch.add(next.send().chatId() + ":" + next.send().clientMsgId())) {
        batch.add(next);
      } else {
        heldBack.add(next);
      }
    }
    for (int i = heldBack.size() - 1; i >= 0; i--) {
      lane.pending.addFirst(heldBack.get(i));
    }
    chats
        .appendBatch(batch.stream().map(PendingSend::send).toList())
        .compose(
            results -> {
              for (int i = 0; i < batch.size(); i++) {
                deliver(batch.get(i), results.get(i));
              }
              return Future.<Void>succeededFuture();
            },
            failure -> {
              log.log(
                  Level.WARNING,
                  "A batch of " + batch.size() + " messages failed; writing them one by one",
                  failure);
              return Future.join(batch.stream().map(this::writeAlone).toList())
                  .<Void>mapEmpty()
                  .otherwiseEmpty();
            })
        .onComplete(
            done -> {
              lane.writing = false;
              writeNextBatch(lane);
            });
  }

  private Future<Void> writeAlone(PendingSend item) {
    return chats
        .appendAlone(item.send())
        .onSuccess(result -> deliver(item, result))
        .onFailure(
            failure ->
                fail(
                    item.message(),
                    new ApiException(
                        ErrorCode.INTERNAL, "The message was not stored; send it again.")))
        .mapEmpty();
  }

  private void deliver(PendingSend item, Optional<StoredMessage> stored) {
    if (stored.isEmpty()) {
      explainRefusal(item);
      return;
    }
    var message = stored.get();
    item.message()
        .reply(new JsonObject().put("seq", message.seq()).put("at", ChatEvent.iso(message.at())));
    long took = System.nanoTime() - item.arrived();
    if (message.repeated()) {
      metrics.repeatAnswered(took);
    } else {
      metrics.messageStored(took);
      var send = item.send();
      var from = new Sender(send.senderKind(), send.senderId(), message.senderName());
      vertx
          .eventBus()
          .publish(
              ChatAddresses.chat(send.chatId()),
              ChatEvent.message(
                  send.chatId(),
                  message.seq(),
                  message.at(),
                  from,
                  send.text(),
                  send.clientMsgId(),
                  send.data()));
    }
  }

  /** Nothing was stored; find out why, to tell the sender in words. */
  private void explainRefusal(PendingSend item) {
    var chatId = item.send().chatId();
    chats
        .find(chatId)
        .onComplete(
            found -> {
              if (found.failed()) {
                fail(
                    item.message(),
                    new ApiException(
                        ErrorCode.INTERNAL, "The message was not stored; send it again."));
              } else if (found.result().isEmpty()
                  || found.result().get().libraryId() != item.who().libraryId()) {
                fail(item.message(), ApiException.notFound("There is no such chat."));
              } else if (found.result().get().isMissed()
                  || item.who().isPatron() && found.result().get().isOpen()) {
                // The patron's socket is back, so the chat waits again within a tick: worth sending
                // again. A
                // patron always takes part in its open chat, so a refusal found open was refused
                // while missed.
                fail(
                    item.message(),
                    new ApiException(
                        ErrorCode.UNAVAILABLE, "The chat is being reopened; send again."));
              } else if (!found.result().get().isOpen()) {
                fail(
                    item.message(), new ApiException(ErrorCode.CHAT_ENDED, "This chat has ended."));
              } else {
                fail(
                    item.message(),
                    new ApiException(
                        ErrorCode.NOT_PARTICIPANT, "Join the chat before writing in it."));
              }
            });
  }

  private void typing(Message<JsonObject> message) {
    var who = Identity.from(message.headers());
    try {
      var body = MessageInput.body(message);
      long chatId = MessageInput.id(body, "chatId", "a chat id");
      if (!(body.getValue("typing") instanceof Boolean typing)) {
        throw ApiException.invalid("'typing' must be true or false.");
      }
      requireMayWriteTo(who, chatId);
      var preview =
          body.getValue("preview") instanceof String draft && who.isPatron() && typing
              ? draft.substring(0, Math.min(draft.length(), ChatLimits.PREVIEW_CHARS))
              : null;
      typists
          .of(who, chatId)
          .onComplete(
              sender -> {
                if (sender.failed()) {
                  fail(message, sender.cause());
                  return;
                }
                var event =
                    new JsonObject()
                        .put("type", "typing")
                        .put("chatId", chatId)
                        .put("from", sender.result().toJson())
                        .put("typing", typing);
                if (preview != null) {
                  event.put("preview", preview);
                }
                vertx.eventBus().publish(ChatAddresses.chat(chatId), event);
                message.reply(new JsonObject());
              });
    } catch (ApiException e) {
      fail(message, e);
    }
  }

  private static void requireMayWriteTo(Identity who, long chatId) {
    if (who == null) {
      throw ApiException.forbidden("Unknown sender.");
    }
    if (who.isPatron() && who.chatId() != chatId) {
      throw ApiException.forbidden("A patron may write only in their own chat.");
    }
  }

  private static void fail(Message<?> message, Throwable failure) {
    BusFailures.fail(message, failure, log);
  }

  /** What waits to be written on one lane, and whether a commit of that lane is under way. */
  private static final class Lane {
    final ArrayDeque<PendingSend> pending = new ArrayDeque<>();
    boolean writing;
  }

  private record PendingSend(
      Message<JsonObject> message, MessageSend send, Identity who, long arrived) {}
}
