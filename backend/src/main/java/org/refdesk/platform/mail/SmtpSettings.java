package org.refdesk.platform.mail;

import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.StartTLSOptions;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Reads {@code REFDESK_SMTP_URL}: {@code smtp://user:pass@host:port} (STARTTLS when the server
 * offers it) or {@code smtps://...} (TLS from the first byte).
 */
final class SmtpSettings {

  /** Long enough for a slow server, short enough that a dead one does not hold a row's lock. */
  static final int CONNECT_TIMEOUT_MILLIS = 10_000;

  static final int IDLE_TIMEOUT_SECONDS = 30;

  private SmtpSettings() {}

  static MailConfig parse(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (!scheme.equals("smtp") && !scheme.equals("smtps") || uri.getHost() == null) {
      throw invalid();
    }
    var tls = scheme.equals("smtps");
    var config =
        new MailConfig()
            .setHostname(uri.getHost())
            .setPort(uri.getPort() == -1 ? (tls ? 465 : 25) : uri.getPort())
            .setSsl(tls)
            .setStarttls(tls ? StartTLSOptions.DISABLED : StartTLSOptions.OPTIONAL)
            .setKeepAlive(false)
            .setLogin(LoginOption.DISABLED);
    config.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
    config.setIdleTimeout(IDLE_TIMEOUT_SECONDS);
    var userInfo = uri.getRawUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      var colon = userInfo.indexOf(':');
      var user = colon < 0 ? userInfo : userInfo.substring(0, colon);
      var password = colon < 0 ? "" : userInfo.substring(colon + 1);
      config
          .setUsername(URLDecoder.decode(user, StandardCharsets.UTF_8))
          .setPassword(URLDecoder.decode(password, StandardCharsets.UTF_8))
          .setLogin(LoginOption.REQUIRED);
    }
    return config;
  }

  // The message never repeats the URL: it may hold a password.
  private static IllegalArgumentException invalid() {
    return new IllegalArgumentException(
        "REFDESK_SMTP_URL must look like smtp://user:password@host:port or smtps://...");
  }
}
