package org.refdesk.chat;

import java.util.concurrent.ConcurrentHashMap;

/**
 * How fast a patron may send messages and typing notes: per socket, and per chat across all the
 * chat's sockets on this node. A patron who opens many tabs shares one allowance; one gateway
 * node's count is enough to keep a flood away from the librarian, so nodes do not compare counts.
 * The allowance is a token bucket: a burst, then a steady rate a fast typist never reaches.
 */
public final class FloodControl {

  /** Idle chats' buckets are dropped after this long; a full bucket holds nothing worth keeping. */
  private static final long IDLE_NANOS = 120_000_000_000L;

  private final Allowance messages;
  private final Allowance typing;
  private final ConcurrentHashMap<Long, Bucket> chatMessages = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Long, Bucket> chatTyping = new ConcurrentHashMap<>();

  /**
   * A sixth of a minute's messages may come at once; typing notes may be twice as many as messages.
   */
  public FloodControl(int messagesPerMinute) {
    this.messages = new Allowance(Math.max(10, messagesPerMinute / 6), messagesPerMinute / 60.0);
    this.typing =
        new Allowance(2 * Math.max(10, messagesPerMinute / 6), 2 * messagesPerMinute / 60.0);
  }

  /** The buckets of one socket; confined to the socket's event loop. */
  SocketAllowance forSocket() {
    return new SocketAllowance(new Bucket(messages), new Bucket(typing));
  }

  /** Takes one message (or typing note) from the socket's and the chat's allowance, or refuses. */
  boolean take(SocketAllowance socket, long chatId, boolean isTyping) {
    long now = System.nanoTime();
    var own = isTyping ? socket.typing() : socket.messages();
    if (!own.take(now)) {
      return false;
    }
    var shared =
        (isTyping ? chatTyping : chatMessages)
            .computeIfAbsent(chatId, id -> new Bucket(isTyping ? typing : messages));
    return shared.take(now);
  }

  /** Lets go of the buckets of chats that have been quiet for a while. */
  void forgetIdle() {
    long now = System.nanoTime();
    chatMessages.values().removeIf(bucket -> bucket.idleSince(now) > IDLE_NANOS);
    chatTyping.values().removeIf(bucket -> bucket.idleSince(now) > IDLE_NANOS);
  }

  record Allowance(int burst, double perSecond) {}

  record SocketAllowance(Bucket messages, Bucket typing) {}

  static final class Bucket {
    private final Allowance allowance;
    private double tokens;
    private long updatedNanos = System.nanoTime();

    Bucket(Allowance allowance) {
      this.allowance = allowance;
      this.tokens = allowance.burst();
    }

    synchronized boolean take(long now) {
      tokens =
          Math.min(allowance.burst(), tokens + (now - updatedNanos) / 1e9 * allowance.perSecond());
      updatedNanos = now;
      if (tokens < 1) {
        return false;
      }
      tokens -= 1;
      return true;
    }

    synchronized long idleSince(long now) {
      return now - updatedNanos;
    }
  }
}
