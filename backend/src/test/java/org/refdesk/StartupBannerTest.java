package org.refdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.TestGateway;

@DisplayName("The first start's banner")
class StartupBannerTest {

  private static final Pattern LIBRARIAN = Pattern.compile("Librarian: +(\\w+) / (\\S+)");

  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  @DisplayName("prints a password for each demo librarian, and neither opens the other's account")
  void eachLibrarianHasTheirOwnPassword() {
    var config = gateway.refdesk().config();
    var banner = StartupBanner.render(config, config, gateway.refdesk().seeded());
    var printed = new LinkedHashMap<String, String>();
    var lines = LIBRARIAN.matcher(banner);
    while (lines.find()) {
      printed.put(lines.group(1), lines.group(2));
    }
    assertEquals(List.of("alice", "ben", "cleo"), List.copyOf(printed.keySet()), banner);
    assertEquals(3, java.util.Set.copyOf(printed.values()).size(), "one password shared by two");

    gateway.login("alice", printed.get("alice"));
    gateway.login("ben", printed.get("ben"));
    gateway.login("cleo", printed.get("cleo"));
    var crossed =
        gateway.post(
            "/api/auth/login",
            new JsonObject().put("username", "alice").put("password", printed.get("ben")),
            null);
    assertEquals(401, crossed.statusCode(), "ben's password must not open alice's account");
  }
}
