package org.refdesk.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.SecondLibrary;
import org.refdesk.support.TestGateway;

@DisplayName(
    "Sites a library lets embed its widget: kept by its admin, asked by every origin check")
class LibrarySitesApiTest {

  private static final String EVERYWHERE = "https://consortium.example";
  private static final String SITES = "/api/admin/widget/sites";

  private static TestGateway gateway;
  private static String admin;
  private static String alice;
  private static SecondLibrary riverside;
  private static String rosa;

  /** A client that opens a new connection per request, so that requests reach every event loop. */
  private static WebClient fresh;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(Map.of("REFDESK_ALLOWED_ORIGINS", EVERYWHERE));
    admin = gateway.adminToken();
    alice = gateway.librarianToken("alice");
    riverside = SecondLibrary.create(gateway);
    gateway.query("UPDATE operators SET role = 'admin' WHERE id = $1", riverside.operatorId());
    rosa = riverside.token(gateway);
    fresh =
        WebClient.create(
            gateway.vertx(),
            new WebClientOptions()
                .setDefaultHost("127.0.0.1")
                .setDefaultPort(gateway.port())
                .setKeepAlive(false));
  }

  @AfterAll
  static void stop() {
    fresh.close();
    gateway.close();
  }

  private static HttpResponse<Buffer> add(String origin, String token) {
    return gateway.post(SITES, new JsonObject().put("origin", origin), token);
  }

  private static HttpResponse<Buffer> remove(String origin, String token) {
    return TestGateway.await(
        gateway
            .client()
            .delete(SITES + "?origin=" + URLEncoder.encode(origin, StandardCharsets.UTF_8))
            .bearerTokenAuthentication(token)
            .send());
  }

  private static List<String> listed(String token) {
    var response = gateway.get(SITES, token);
    assertEquals(200, response.statusCode(), response::bodyAsString);
    return response.bodyAsJsonObject().getJsonArray("sites").stream()
        .map(site -> ((JsonObject) site).getString("origin"))
        .toList();
  }

  private static long stored() {
    return gateway.count("SELECT count(*) FROM library_sites");
  }

  private static HttpResponse<Buffer> describe(String slug, String origin) {
    return TestGateway.await(
        fresh.get("/api/widget/queues/" + slug).putHeader("Origin", origin).send());
  }

  private static boolean embeddable(String slug, String origin) {
    var response = describe(slug, origin);
    assertEquals(200, response.statusCode(), response::bodyAsString);
    return response.bodyAsJsonObject().getBoolean("embeddable");
  }

  private static HttpResponse<Buffer> startChat(String slug, String origin) {
    return TestGateway.await(
        fresh
            .post("/api/widget/chats")
            .putHeader("Origin", origin)
            .sendJsonObject(
                new JsonObject().put("queue", slug).put("name", "Pat").put("question", "Hours?")));
  }

  private static String frameAncestors(String slug) {
    var response = TestGateway.await(fresh.get("/widget/?queue=" + slug).send());
    assertEquals(200, response.statusCode());
    var policy = response.getHeader("Content-Security-Policy");
    return policy.substring(policy.indexOf("frame-ancestors"));
  }

  /** True when it holds on four requests in a row, each on a new connection (every event loop). */
  private static boolean everywhere(BooleanSupplier check) {
    for (int i = 0; i < 4; i++) {
      if (!check.getAsBoolean()) {
        return false;
      }
    }
    return true;
  }

  private static void assertRefusedOrigin(HttpResponse<Buffer> response) {
    assertEquals(403, response.statusCode(), response::bodyAsString);
    assertEquals(
        "origin_not_allowed", response.bodyAsJsonObject().getJsonObject("error").getString("code"));
  }

  @Test
  @DisplayName(
      "the admin adds a site in the browser's form of it, sees it listed, adds it again harmlessly"
          + " and removes it; each change is audited")
  void addListRemove() {
    var added = add("  HTTPS://Www.Branch.Example:443/ ", admin);
    assertEquals(201, added.statusCode(), added::bodyAsString);
    assertEquals("https://www.branch.example", added.bodyAsJsonObject().getString("origin"));
    assertTrue(listed(admin).contains("https://www.branch.example"));
    assertEquals(200, add("https://www.branch.example", admin).statusCode(), "already listed");
    assertEquals(
        201, add("http://127.0.0.1:8081", admin).statusCode(), "an address and a port are a site");
    assertTrue(listed(admin).contains("http://127.0.0.1:8081"));

    assertEquals(204, remove("https://www.branch.example/", admin).statusCode());
    assertEquals(204, remove("http://127.0.0.1:8081", admin).statusCode());
    assertFalse(listed(admin).contains("https://www.branch.example"));
    assertEquals(404, remove("https://www.branch.example", admin).statusCode(), "gone already");
    assertEquals(
        2,
        gateway.count(
                "SELECT count(*) FROM audit_log WHERE action = 'widget.site-added' AND target = $1",
                "https://www.branch.example")
            + gateway.count(
                "SELECT count(*) FROM audit_log WHERE action = 'widget.site-removed' AND target = $1",
                "https://www.branch.example"));
  }

  @Test
  @DisplayName("an operator who is not an admin may neither read nor change the sites (403)")
  void operatorRefused() {
    assertEquals(403, gateway.get(SITES, alice).statusCode());
    assertEquals(403, add("https://alice.example", alice).statusCode());
    assertEquals(403, remove("https://alice.example", alice).statusCode());
    assertEquals(403, gateway.get("/api/admin/widget/snippets", alice).statusCode());
    assertEquals(401, gateway.get(SITES, null).statusCode());
    assertEquals(
        0,
        gateway.count("SELECT count(*) FROM library_sites WHERE origin = 'https://alice.example'"));
  }

  @Test
  @DisplayName("another library's admin sees and changes only their own library's sites")
  void anotherLibrarysAdmin() {
    assertEquals(201, add("https://main.library.example", admin).statusCode());
    assertFalse(listed(rosa).contains("https://main.library.example"));
    assertEquals(404, remove("https://main.library.example", rosa).statusCode(), "as if missing");
    assertTrue(listed(admin).contains("https://main.library.example"));
    assertEquals(201, add("https://main.library.example", rosa).statusCode(), "their own list");
    assertEquals(
        List.of(riverside.libraryId(), gateway.demoLibraryId()).stream().sorted().toList(),
        gateway
            .query(
                "SELECT library_id FROM library_sites WHERE origin = 'https://main.library.example' ORDER BY library_id")
            .stream()
            .map(row -> row.getLong(0))
            .toList());
    assertEquals(204, remove("https://main.library.example", rosa).statusCode());
    assertEquals(204, remove("https://main.library.example", admin).statusCode());
  }

  @Test
  @DisplayName("anything that is not a web site's origin is refused with 400 and nothing is stored")
  void badOrigins() {
    long before = stored();
    for (var bad :
        List.of(
            "",
            "   ",
            "www.library.example",
            "ftp://www.library.example",
            "javascript:alert(1)",
            "https://www.library.example/page",
            "https://www.library.example/?q=1",
            "https://www.library.example#top",
            "https://user@www.library.example",
            "https://*.library.example",
            "https://",
            "https://www.library.example:99999",
            "https://exa mple.org",
            "https://" + "a".repeat(300) + ".example")) {
      var response = add(bad, admin);
      assertEquals(400, response.statusCode(), () -> bad + ": " + response.bodyAsString());
      assertEquals(
          "invalid", response.bodyAsJsonObject().getJsonObject("error").getString("code"), bad);
    }
    assertEquals(400, gateway.post(SITES, new JsonObject(), admin).statusCode(), "no origin");
    assertEquals(
        400,
        gateway.post(SITES, new JsonObject().put("origin", 42), admin).statusCode(),
        "a number");
    assertEquals(before, stored());
  }

  @Test
  @DisplayName("a library may list at most " + EmbedLimits.SITES_PER_LIBRARY + " sites (409 after)")
  void limit() {
    for (int i = 0; i < EmbedLimits.SITES_PER_LIBRARY; i++) {
      assertEquals(201, add("https://branch-" + i + ".riverside.example", rosa).statusCode());
    }
    var over = add("https://one-too-many.riverside.example", rosa);
    assertEquals(409, over.statusCode(), over::bodyAsString);
    assertEquals(
        EmbedLimits.SITES_PER_LIBRARY,
        gateway.count(
            "SELECT count(*) FROM library_sites WHERE library_id = $1", riverside.libraryId()));
    for (int i = 0; i < EmbedLimits.SITES_PER_LIBRARY; i++) {
      assertEquals(204, remove("https://branch-" + i + ".riverside.example", rosa).statusCode());
    }
  }

  @Test
  @DisplayName(
      "a listed site may describe, frame, start and follow its own library's chats, not another"
          + " library's; an unlisted one is refused as before; removed, it is refused again")
  void listedSiteIsAllowed() throws Exception {
    var site = "http://localhost:47001";
    var unlisted = "http://elsewhere.example";
    assertFalse(embeddable("ask", site));
    assertRefusedOrigin(startChat("ask", site));

    assertEquals(201, add(site, admin).statusCode());
    gateway.eventually(
        "every event loop knows the new site",
        () -> everywhere(() -> embeddable("ask", site) && frameAncestors("ask").contains(site)),
        15_000);

    var started = startChat("ask", site);
    assertEquals(201, started.statusCode(), started::bodyAsString);
    var chat = started.bodyAsJsonObject();
    var waiting =
        TestGateway.await(
            fresh
                .get("/api/widget/chats/" + chat.getLong("chatId"))
                .putHeader("Origin", site)
                .bearerTokenAuthentication(chat.getString("token"))
                .send());
    assertEquals(200, waiting.statusCode(), "the patron's own calls: " + waiting.bodyAsString());
    var faqs =
        TestGateway.await(
            fresh.get("/api/widget/queues/ask/faqs").putHeader("Origin", site).send());
    assertEquals(200, faqs.statusCode(), "the queue named in the path: " + faqs.bodyAsString());

    // The patron's socket from that site is the patron's; an operator's is not welcome there.
    try (var patron = BridgeClient.connect(gateway.vertx(), gateway.port(), site)) {
      var address = "chat." + chat.getLong("chatId");
      patron.register(address, chat.getString("token"));
      gateway.awaitRegistered(patron, address);
    }
    try (var operator = BridgeClient.connect(gateway.vertx(), gateway.port(), site)) {
      operator.register("operator.1", admin);
      assertTrue(
          operator.awaitClosed(10_000), "an operator's socket from a library site is closed");
    }
    assertThrows(
        RuntimeException.class,
        () -> BridgeClient.connect(gateway.vertx(), gateway.port(), unlisted).close(),
        "a site nobody lists cannot open a socket");

    // Another library's queue, from the first library's site: as if unlisted.
    assertFalse(embeddable(riverside.queueSlug(), site));
    assertRefusedOrigin(startChat(riverside.queueSlug(), site));
    assertFalse(frameAncestors(riverside.queueSlug()).contains(site));
    var riversideChat = gateway.startChat(riverside.queueSlug(), "Pat", "Late fees?");
    var othersPatron =
        TestGateway.await(
            fresh
                .get("/api/widget/chats/" + riversideChat.getLong("chatId"))
                .putHeader("Origin", site)
                .bearerTokenAuthentication(riversideChat.getString("token"))
                .send());
    assertRefusedOrigin(othersPatron);

    // An unlisted site: the same refusal as ever.
    assertFalse(embeddable("ask", unlisted));
    assertRefusedOrigin(startChat("ask", unlisted));
    assertFalse(frameAncestors("ask").contains(unlisted));

    // A patron's socket from the site stays open until the site is removed.
    var kept = BridgeClient.connect(gateway.vertx(), gateway.port(), site);
    var keptAddress = "chat." + chat.getLong("chatId");
    kept.register(keptAddress, chat.getString("token"));
    gateway.awaitRegistered(kept, keptAddress);

    long chats = gateway.count("SELECT count(*) FROM chats");
    assertEquals(204, remove(site, admin).statusCode());
    gateway.eventually(
        "every event loop forgets the removed site",
        () -> everywhere(() -> !embeddable("ask", site) && !frameAncestors("ask").contains(site)),
        15_000);
    assertRefusedOrigin(startChat("ask", site));
    assertEquals(
        chats, gateway.count("SELECT count(*) FROM chats"), "nothing started once refused");
    kept.register(keptAddress, chat.getString("token"));
    assertTrue(
        kept.awaitClosed(10_000), "the open socket of a removed site is closed at its next frame");
    kept.close();
  }

  @Test
  @DisplayName("the installation's list still allows its sites for every library")
  void installationList() {
    assertTrue(embeddable("ask", EVERYWHERE));
    assertTrue(embeddable(riverside.queueSlug(), EVERYWHERE));
    assertEquals(201, startChat(riverside.queueSlug(), EVERYWHERE).statusCode());
    assertTrue(frameAncestors("ask").contains(EVERYWHERE));
  }

  @Test
  @DisplayName(
      "the snippets name each of the library's own queues and every placement, with the gateway's"
          + " public address; the direct link opens that queue's full-page chat")
  void snippets() {
    var response = gateway.get("/api/admin/widget/snippets", admin);
    assertEquals(200, response.statusCode(), response::bodyAsString);
    var body = response.bodyAsJsonObject();
    var publicUrl = gateway.refdesk().config().publicUrl();
    assertEquals(publicUrl, body.getString("publicUrl"));
    var slugs =
        body.getJsonArray("queues").stream().map(q -> ((JsonObject) q).getString("slug")).toList();
    assertTrue(slugs.contains("ask"), slugs::toString);
    assertFalse(slugs.contains(riverside.queueSlug()), "another library's queue");
    var ask =
        body.getJsonArray("queues").stream()
            .map(q -> (JsonObject) q)
            .filter(q -> q.getString("slug").equals("ask"))
            .findFirst()
            .orElseThrow();
    var placements =
        ask.getJsonArray("placements").stream()
            .map(p -> ((JsonObject) p).getString("placement"))
            .toList();
    assertEquals(List.of("floating", "tab", "embedded", "popout", "link"), placements);
    ask.getJsonArray("placements").stream()
        .map(p -> ((JsonObject) p).getString("snippet"))
        .forEach(
            snippet -> assertTrue(snippet.contains(publicUrl) && snippet.contains("ask"), snippet));
    assertEquals(publicUrl + "/chat/?queue=ask", ask.getString("directLink"));

    var link = TestGateway.await(fresh.get("/chat/?queue=ask").followRedirects(false).send());
    assertEquals(302, link.statusCode());
    assertEquals("/widget/?queue=ask", link.getHeader("Location"));
    var odd =
        TestGateway.await(
            fresh.get("/chat/?queue=%2F%2Fevil.example").followRedirects(false).send());
    assertEquals(
        "/widget/", odd.getHeader("Location"), "only a queue's slug goes into the address");
  }
}
