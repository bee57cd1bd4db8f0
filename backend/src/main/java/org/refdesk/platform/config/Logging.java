package org.refdesk.platform.config;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * One-line log records on stderr at the configured level; the embedded servers' chatter is kept
 * quiet.
 */
public final class Logging {

  // JUL holds loggers weakly: a level set on a logger nobody references is lost at the next GC.
  private static final List<Logger> QUIETED = new ArrayList<>();

  private Logging() {}

  public static void configure(Level level) {
    System.setProperty(
        "java.util.logging.SimpleFormatter.format", "%1$tF %1$tT.%1$tL %4$-7s %3$s - %5$s%6$s%n");
    LogManager.getLogManager().reset();
    var root = Logger.getLogger("");
    var console = new ConsoleHandler();
    console.setLevel(Level.ALL);
    root.addHandler(console);
    root.setLevel(level);
    quiet("io.zonky", Level.WARNING);
    quiet("org.flywaydb", level.intValue() < Level.INFO.intValue() ? level : Level.WARNING);
    quiet("io.netty", Level.WARNING);
    quiet("com.hazelcast", Level.WARNING);
    // Vert.x registers its event-bus gauges once per address without an address label (per-chat
    // addresses would be unbounded), and Micrometer warns about the repeats once at start-up:
    // harmless.
    quiet("io.micrometer.core.instrument.MeterRegistry", Level.SEVERE);
  }

  private static synchronized void quiet(String name, Level level) {
    var logger = Logger.getLogger(name);
    logger.setLevel(level);
    QUIETED.add(logger);
  }

  /**
   * Logs from a shutdown hook. JUL resets its handlers in a shutdown hook of its own, racing ours,
   * so a normal log call there is often lost; this writes the same one-line format straight to
   * stderr.
   */
  public static void duringShutdown(Class<?> source, String message) {
    var record = new LogRecord(Level.INFO, message);
    record.setSourceClassName(source.getName());
    record.setLoggerName(source.getName());
    System.err.print(new SimpleFormatter().format(record));
    System.err.flush();
  }
}
