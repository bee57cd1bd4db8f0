package org.refdesk;

import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.refdesk.platform.config.Logging;
import org.refdesk.platform.config.RefdeskConfig;
import org.refdesk.platform.embedded.EmbeddedServices;

/** Reads the configuration, starts embedded services when none are configured, runs the gateway. */
public final class Main {

  private static final Logger log = Logger.getLogger(Main.class.getName());

  private Main() {}

  public static void main(String[] args) throws Exception {
    var config = RefdeskConfig.fromEnv();
    Logging.configure(config.logLevel());
    var embedded =
        EmbeddedServices.start(
            config.dataDir(), config.pgUrl().isEmpty(), config.redisUrl().isEmpty());
    var effective =
        config.withServices(
            config.pgUrl().or(embedded::pgUrl).orElseThrow(),
            config.redisUrl().or(embedded::redisUrl).orElseThrow());
    Refdesk refdesk;
    try {
      refdesk =
          Refdesk.start(effective)
              .toCompletionStage()
              .toCompletableFuture()
              .get(5, TimeUnit.MINUTES);
    } catch (Exception e) {
      log.severe("Refdesk could not start: " + rootMessage(e));
      embedded.close();
      System.exit(1);
      return;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  Logging.duringShutdown(Main.class, "Stopping Refdesk");
                  try {
                    refdesk
                        .stop()
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(30, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    Logging.duringShutdown(
                        Main.class, "Vert.x did not stop cleanly: " + rootMessage(e));
                  }
                  embedded.close();
                  Logging.duringShutdown(Main.class, "Refdesk stopped");
                },
                "refdesk-shutdown"));
    System.out.println(StartupBanner.render(effective, config, refdesk.seeded()));
    System.out.flush();
  }

  private static String rootMessage(Throwable e) {
    var cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
