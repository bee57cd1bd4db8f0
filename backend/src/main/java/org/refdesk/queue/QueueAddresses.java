package org.refdesk.queue;

/** The queue feature's event-bus address; mirrored in frontend/.../shared/addresses.js. */
public final class QueueAddresses {

  private QueueAddresses() {}

  /** Outbound: {@code queue.<queueId>} carries chats arriving, claimed and leaving the queue. */
  public static final String QUEUE_PREFIX = "queue.";

  public static String queue(long queueId) {
    return QUEUE_PREFIX + queueId;
  }
}
