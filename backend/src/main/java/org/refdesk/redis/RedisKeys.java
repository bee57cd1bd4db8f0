package org.refdesk.redis;

/**
 * Every Redis key the gateway uses, built in one place; redis/KEYS.md documents each. The prefix lets
 * several installations (or test runs) share one Redis.
 */
public final class RedisKeys {

  private final String prefix;

  public RedisKeys(String prefix) {
    this.prefix = prefix;
  }

  public String prefix() {
    return prefix;
  }

  /** Failed logins for one username from one address in the current window. */
  public String loginFailures(String username, String ip) {
    return prefix + "login:fail:" + username + ":" + ip;
  }
}
