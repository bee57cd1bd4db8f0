package org.refdesk.platform.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;

/**
 * Every knob of the gateway, read once from {@code REFDESK_*} environment variables. The defaults
 * run out of the box: without database URLs the gateway starts embedded Postgres and Redis under
 * the data dir.
 */
public record RefdeskConfig(
    int httpPort,
    String httpHost,
    String publicUrl,
    Optional<String> pgUrl,
    Optional<String> redisUrl,
    String redisPrefix,
    Path dataDir,
    Optional<String> adminPassword,
    List<String> allowedOrigins,
    Optional<String> jwtSecret,
    int operatorTokenMinutes,
    int patronTokenMinutes,
    List<String> trustedProxies,
    int bodyLimitBytes,
    int pgPoolSize,
    int httpInstances,
    int presenceTimeoutSeconds,
    int chatStartsPerAddress,
    int patronMessagesPerMinute,
    Optional<String> metricsToken,
    Cluster cluster,
    int timerTickMillis,
    int patronGraceSeconds,
    int writeLanes,
    Optional<String> smtpUrl,
    String mailFrom,
    Level logLevel) {

  public static RefdeskConfig fromEnv() {
    return fromEnv(System.getenv());
  }

  public static RefdeskConfig fromEnv(Map<String, String> env) {
    var vars = new EnvReader(env);
    int port = vars.integer("REFDESK_HTTP_PORT", 8080);
    var publicUrl =
        stripTrailingSlash(vars.string("REFDESK_PUBLIC_URL", "http://localhost:" + port));
    return new RefdeskConfig(
        port,
        vars.string("REFDESK_HTTP_HOST", "0.0.0.0"),
        publicUrl,
        vars.optional("REFDESK_PG_URL"),
        vars.optional("REFDESK_REDIS_URL"),
        vars.string("REFDESK_REDIS_PREFIX", "refdesk:"),
        Path.of(vars.string("REFDESK_DATA_DIR", "./data")).toAbsolutePath().normalize(),
        vars.optional("REFDESK_ADMIN_PASSWORD"),
        vars.list("REFDESK_ALLOWED_ORIGINS"),
        vars.optional("REFDESK_JWT_SECRET"),
        vars.integer("REFDESK_OPERATOR_TOKEN_MINUTES", 12 * 60),
        vars.integer("REFDESK_PATRON_TOKEN_MINUTES", 24 * 60),
        vars.list("REFDESK_TRUSTED_PROXIES"),
        vars.integer("REFDESK_BODY_LIMIT_BYTES", 64 * 1024),
        vars.integer("REFDESK_PG_POOL_SIZE", 6),
        vars.integer(
            "REFDESK_HTTP_INSTANCES", Math.max(1, Runtime.getRuntime().availableProcessors())),
        vars.integer("REFDESK_PRESENCE_TIMEOUT_SECONDS", 45),
        vars.integer("REFDESK_CHAT_STARTS_PER_ADDRESS", 20),
        vars.integer("REFDESK_PATRON_MESSAGES_PER_MINUTE", 60),
        vars.optional("REFDESK_METRICS_TOKEN"),
        new Cluster(
            vars.bool("REFDESK_CLUSTER", false),
            vars.string("REFDESK_CLUSTER_HOST", "127.0.0.1"),
            vars.integer("REFDESK_CLUSTER_PORT", 5701),
            vars.list("REFDESK_CLUSTER_MEMBERS"),
            vars.integer("REFDESK_CLUSTER_BUS_PORT", 0)),
        vars.integer("REFDESK_TIMER_TICK_MS", 5000),
        vars.integer("REFDESK_PATRON_GRACE_SECONDS", 120),
        vars.integer("REFDESK_WRITE_LANES", 2),
        vars.optional("REFDESK_SMTP_URL"),
        vars.string(
            "REFDESK_MAIL_FROM", "Refdesk <no-reply@" + URI.create(publicUrl).getHost() + ">"),
        vars.logLevel("REFDESK_LOG_LEVEL", Level.INFO));
  }

  /**
   * The origins a browser may call the API or open the bridge from: the public URL's own, plus any
   * configured.
   */
  public List<String> originsAllowed() {
    var origins = new ArrayList<String>();
    origins.add(originOf(publicUrl));
    allowedOrigins.stream()
        .map(RefdeskConfig::stripTrailingSlash)
        .filter(o -> !origins.contains(o))
        .forEach(origins::add);
    return List.copyOf(origins);
  }

  public RefdeskConfig withServices(String pgUrl, String redisUrl) {
    return new RefdeskConfig(
        httpPort,
        httpHost,
        publicUrl,
        Optional.of(pgUrl),
        Optional.of(redisUrl),
        redisPrefix,
        dataDir,
        adminPassword,
        allowedOrigins,
        jwtSecret,
        operatorTokenMinutes,
        patronTokenMinutes,
        trustedProxies,
        bodyLimitBytes,
        pgPoolSize,
        httpInstances,
        presenceTimeoutSeconds,
        chatStartsPerAddress,
        patronMessagesPerMinute,
        metricsToken,
        cluster,
        timerTickMillis,
        patronGraceSeconds,
        writeLanes,
        smtpUrl,
        mailFrom,
        logLevel);
  }

  private static String originOf(String url) {
    var uri = URI.create(url);
    var port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
    return uri.getScheme() + "://" + uri.getHost() + port;
  }

  private static String stripTrailingSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * Clustered mode: several gateway nodes share one Redis and Postgres and one event bus. Members
   * find each other by TCP/IP on the listed addresses; there is no multicast.
   */
  public record Cluster(
      boolean enabled, String host, int port, List<String> members, int busPort) {}

  /** Reads typed values and names the variable in the error when one cannot be parsed. */
  private record EnvReader(Map<String, String> env) {

    Optional<String> optional(String name) {
      return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    String string(String name, String fallback) {
      return optional(name).orElse(fallback);
    }

    int integer(String name, int fallback) {
      return optional(name)
          .map(
              v -> {
                try {
                  return Integer.parseInt(v);
                } catch (NumberFormatException e) {
                  throw new IllegalArgumentException(
                      name + " must be a whole number, got '" + v + "'");
                }
              })
          .orElse(fallback);
    }

    boolean bool(String name, boolean fallback) {
      return optional(name)
          .map(
              v ->
                  switch (v.toLowerCase()) {
                    case "true", "yes", "1", "on" -> true;
                    case "false", "no", "0", "off" -> false;
                    default ->
                        throw new IllegalArgumentException(
                            name + " must be true or false, got '" + v + "'");
                  })
          .orElse(fallback);
    }

    List<String> list(String name) {
      return optional(name)
          .map(
              v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
          .orElse(List.of());
    }

    Level logLevel(String name, Level fallback) {
      return optional(name)
          .map(
              v ->
                  switch (v.toUpperCase()) {
                    case "TRACE" -> Level.FINEST;
                    case "DEBUG" -> Level.FINE;
                    case "INFO" -> Level.INFO;
                    case "WARN", "WARNING" -> Level.WARNING;
                    case "ERROR" -> Level.SEVERE;
                    default ->
                        throw new IllegalArgumentException(
                            name + " must be one of TRACE, DEBUG, INFO, WARN, ERROR");
                  })
          .orElse(fallback);
    }
  }
}
