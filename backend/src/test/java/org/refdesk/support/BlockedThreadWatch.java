package org.refdesk.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects Vert.x's blocked-thread warnings while a test class runs: a blocked event loop fails the
 * test class, not just the log.
 */
public final class BlockedThreadWatch extends Handler {

  private static final Logger VERTX = Logger.getLogger("io.vertx.core");
  private final List<String> warnings = new CopyOnWriteArrayList<>();

  public static BlockedThreadWatch install() {
    var watch = new BlockedThreadWatch();
    VERTX.addHandler(watch);
    return watch;
  }

  @Override
  public void publish(LogRecord record) {
    var message = record.getMessage();
    if (record.getLevel().intValue() >= Level.WARNING.intValue()
        && message != null
        && message.contains("has been blocked for")) {
      warnings.add(message);
    }
  }

  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  public void uninstall() {
    VERTX.removeHandler(this);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
