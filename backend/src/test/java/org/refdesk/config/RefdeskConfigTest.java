package org.refdesk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.platform.config.RefdeskConfig;

@DisplayName("Configuration from the environment")
class RefdeskConfigTest {

  @Test
  @DisplayName("with nothing set it runs on 8080 with embedded services under ./data")
  void defaults() {
    var config = RefdeskConfig.fromEnv(Map.of());
    assertEquals(8080, config.httpPort());
    assertEquals(Optional.empty(), config.pgUrl());
    assertEquals(Optional.empty(), config.redisUrl());
    assertTrue(config.dataDir().endsWith("data"));
    assertEquals("http://localhost:8080", config.publicUrl());
    assertEquals(List.of("http://localhost:8080"), config.originsAllowed());
  }

  @Test
  @DisplayName("configured values win, lists are split on commas, blanks count as unset")
  void configured() {
    var config =
        RefdeskConfig.fromEnv(
            Map.of(
                "REFDESK_HTTP_PORT", "9000",
                "REFDESK_PG_URL", "postgresql://app@db:5432/refdesk",
                "REFDESK_REDIS_URL", " ",
                "REFDESK_PUBLIC_URL", "https://chat.library.example/",
                "REFDESK_ALLOWED_ORIGINS",
                    "https://www.library.example, https://catalog.library.example"));
    assertEquals(9000, config.httpPort());
    assertEquals(Optional.of("postgresql://app@db:5432/refdesk"), config.pgUrl());
    assertEquals(Optional.empty(), config.redisUrl());
    assertEquals(
        List.of(
            "https://chat.library.example",
            "https://www.library.example",
            "https://catalog.library.example"),
        config.originsAllowed());
  }

  @Test
  @DisplayName("a value that cannot be read names the variable")
  void badValues() {
    var port =
        assertThrows(
            IllegalArgumentException.class,
            () -> RefdeskConfig.fromEnv(Map.of("REFDESK_HTTP_PORT", "eighty")));
    assertTrue(port.getMessage().contains("REFDESK_HTTP_PORT"));
    var level =
        assertThrows(
            IllegalArgumentException.class,
            () -> RefdeskConfig.fromEnv(Map.of("REFDESK_LOG_LEVEL", "LOUD")));
    assertTrue(level.getMessage().contains("REFDESK_LOG_LEVEL"));
  }
}
