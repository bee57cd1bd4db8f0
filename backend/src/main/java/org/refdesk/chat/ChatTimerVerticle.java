package org.refdesk.chat;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.redis.client.Redis;
import java.util.Optional;
import java.util.logging.Logger;
import org.refdesk.chat.ChatEvent.Sender;
import org.refdesk.library.LibraryAddresses;
import org.refdesk.platform.config.RefdeskConfig;
import org.refdesk.platform.db.Database;
import org.refdesk.platform.redis.RedisClients;
import org.refdesk.platform.redis.RedisKeys;
import org.refdesk.queue.QueueRepository;
import org.refdesk.queue.QueueState;

/**
 * The clock of a shift, after the librarians' guides: a chat unclaimed past the first minute rings
 * every operator of the library; a waiting patron hears honestly where they stand, at the first
 * minute and every few minutes after; a patron who has not answered the librarian's last message is
 * asked whether they are still there, and the chat closes itself once they have also left; a
 * waiting patron whose widget is gone past the grace time becomes a missed chat. Thresholds are the
 * library's settings; the grace time is the gateway's.
 */
public final class ChatTimerVerticle extends VerticleBase {

  private static final Logger log = Logger.getLogger(ChatTimerVerticle.class.getName());

  private final RefdeskConfig config;
  private Redis redis;
  private ChatTimerRepository due;
  private ChatRepository chats;
  private QueueRepository queueRepository;
  private QueueState queues;
  private ChatLifecycle lifecycle;
  private boolean ticking;

  public ChatTimerVerticle(RefdeskConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    var pool = Database.pool(vertx, config);
    redis = RedisClients.create(vertx, config);
    due = new ChatTimerRepository(pool);
    chats = new ChatRepository(pool);
    queueRepository = new QueueRepository(pool);
    queues = new QueueState(redis, new RedisKeys(config.redisPrefix()));
    lifecycle = new ChatLifecycle(vertx, chats, queues);
    vertx.setPeriodic(config.timerTickMillis(), id -> tick());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    return redis.close();
  }

  private void tick() {
    if (ticking) {
      return;
    }
    ticking = true;
    Future.join(
            escalate(),
            tellWaitingPatrons(),
            warnIdlePatrons(),
            closeIdleChats(),
            missGonePatrons())
        .onComplete(
            done -> {
              ticking = false;
              if (done.failed()) {
                log.fine("A timer tick failed and will run again: " + done.cause().getMessage());
              }
            });
  }

  /**
   * Reaches every operator of the library on presence.<libraryId>, whatever queues they monitor.
   */
  private Future<Void> escalate() {
    return due.escalate()
        .map(
            list -> {
              list.forEach(
                  chat ->
                      vertx
                          .eventBus()
                          .publish(LibraryAddresses.alerts(chat.libraryId()), chat.toEvent()));
              return null;
            });
  }

  private Future<Void> tellWaitingPatrons() {
    return due.waitNotices()
        .compose(
            list ->
                Future.join(
                    list.stream()
                        .map(
                            chat -> {
                              var position =
                                  queues
                                      .position(chat.queueId(), chat.chatId())
                                      .otherwise(Optional.empty());
                              var wait = queueRepository.medianWaitSeconds(chat.queueId());
                              return Future.all(position, wait)
                                  .compose(
                                      both ->
                                          notice(
                                              chat.chatId(),
                                              WaitWords.update(
                                                  position.result().orElse(null),
                                                  wait.result().orElse(null))));
                            })
                        .toList()))
        .mapEmpty();
  }

  private Future<Void> warnIdlePatrons() {
    return due.idleWarnings()
        .compose(
            list ->
                Future.join(
                    list.stream()
                        .map(
                            chat ->
                                notice(
                                    chat.chatId(),
                                    "Are you still there? If we don't hear from you, this chat will close in "
                                        + WaitWords.duration(chat.seconds())
                                        + "."))
                        .toList()))
        .mapEmpty();
  }

  private Future<Void> closeIdleChats() {
    return due.idleEnds(config.patronGraceSeconds())
        .compose(
            list ->
                Future.join(
                    list.stream()
                        .map(
                            chat ->
                                lifecycle
                                    .end(
                                        chat.chatId(),
                                        Sender.system(),
                                        "This chat was closed: there was no answer to the librarian's last message for "
                                            + WaitWords.duration(chat.seconds())
                                            + ", and the chat window had been closed. You are welcome to start a new one.")
                                    // Another node may have closed it first; that is the same
                                    // outcome.
                                    .otherwiseEmpty())
                        .toList()))
        .mapEmpty();
  }

  private Future<Void> missGonePatrons() {
    return due.miss(config.patronGraceSeconds())
        .compose(
            list ->
                Future.join(
                    list.stream()
                        .map(chat -> lifecycle.missed(chat.chatId(), chat.queueId()))
                        .toList()))
        .mapEmpty();
  }

  private Future<Void> notice(long chatId, String text) {
    return chats
        .appendNotice(chatId, text)
        .onSuccess(event -> vertx.eventBus().publish(ChatAddresses.chat(chatId), event))
        .mapEmpty();
  }
}
