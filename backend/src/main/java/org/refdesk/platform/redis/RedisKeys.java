package org.refdesk.platform.redis;

/**
 * Every Redis key the gateway uses, built in one place; redis/KEYS.md documents each. The prefix
 * lets several installations (or test runs) share one Redis.
 */
public final class RedisKeys {

  private final String prefix;

  public RedisKeys(String prefix) {
    this.prefix = prefix;
  }

  public String prefix() {
    return prefix;
  }

  /**
   * Sign-in attempts for one username from one address since the last success, in the current
   * window.
   */
  public String loginAttempts(String username, String ip) {
    return prefix + "login:attempts:" + username + ":" + ip;
  }

  /** Chats started from one address in the current window. */
  public String chatStarts(String ip) {
    return prefix + "rate:chat-start:" + ip;
  }

  /**
   * Questions left for one library from one address while nobody was online, in the current window.
   */
  public String offlineQuestions(long libraryId, String ip) {
    return prefix + "rate:offline-question:" + libraryId + ":" + ip;
  }

  /** Transcripts asked for by e-mail from one address, in the current window. */
  public String transcriptRequests(String ip) {
    return prefix + "rate:transcript:" + ip;
  }

  /** Reads of a library's public FAQs (widget suggestions, the FAQ page) from one address. */
  public String publicFaqReads(String ip) {
    return prefix + "rate:faq-read:" + ip;
  }

  /** Ratings sent from one address, in the current window. */
  public String ratings(String ip) {
    return prefix + "rate:rating:" + ip;
  }

  /** Waiting chats of a queue, scored by arrival time in epoch milliseconds. */
  public String waiting(long queueId) {
    return prefix + "queue:" + queueId + ":waiting";
  }

  /** The operator holding a chat: pending while Postgres confirms, then until the chat ends. */
  public String claim(long chatId) {
    return prefix + "chat:" + chatId + ":claim";
  }

  /** Status of each present operator of a library (hash: operator id to status). */
  public String presence(long libraryId) {
    return prefix + "presence:" + libraryId;
  }

  /**
   * Last heartbeat of every present operator (sorted set: "library:operator" by epoch
   * milliseconds).
   */
  public String presenceSeen() {
    return prefix + "presence:seen";
  }

  /**
   * What an operator whose page went quiet had chosen, and since when they were silent (string:
   * "status:epoch ms"); their next heartbeat gives it back.
   */
  public String presencePaused(long libraryId, long operatorId) {
    return prefix + "presence:paused:" + libraryId + ":" + operatorId;
  }

  /** When the library's last call for help went out (string: epoch ms; expires with the pause). */
  public String surgePaged(long libraryId) {
    return prefix + "surge:" + libraryId + ":paged";
  }

  /** When the library's last automatic call for help went out (string: epoch ms). */
  public String surgeAutomatic(long libraryId) {
    return prefix + "surge:" + libraryId + ":automatic";
  }

  /** The library's chats of the surge window (sorted set: chat id by arrival, epoch ms). */
  public String surgeArrivals(long libraryId) {
    return prefix + "surge:" + libraryId + ":arrivals";
  }

  /** Calls for help sent by one operator. */
  public String surgeCalls(long operatorId) {
    return prefix + "rate:surge:" + operatorId;
  }

  /** Set after the queue state was rebuilt from Postgres; missing means Redis lost its data. */
  public String rebuiltMarker() {
    return prefix + "rebuilt";
  }
}
