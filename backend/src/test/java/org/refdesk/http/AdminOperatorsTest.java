package org.refdesk.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.TestGateway;

@DisplayName("Admins manage operators")
class AdminOperatorsTest {

  private static TestGateway gateway;
  private static String adminToken;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    adminToken = gateway.adminToken();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static JsonObject newOperator(String username) {
    return new JsonObject()
        .put("username", username)
        .put("displayName", "Carla Diaz")
        .put("password", "a long enough password")
        .put("role", "operator")
        .put("queues", new JsonArray().add("science"));
  }

  private static String errorCode(HttpResponse<?> response) {
    return response.bodyAsJsonObject().getJsonObject("error").getString("code");
  }

  @Test
  @DisplayName("an admin creates an operator, who can then sign in and sees only their queue")
  void createThenSignIn() {
    var created = gateway.post("/api/admin/operators", newOperator("carla"), adminToken);
    assertEquals(201, created.statusCode(), created::bodyAsString);
    var body = created.bodyAsJsonObject();
    assertEquals("carla", body.getString("username"));
    assertEquals("Carla Diaz", body.getString("name"));
    assertFalse(body.containsKey("password"));
    assertFalse(created.bodyAsString().contains("$2a$"), "the hash never leaves the server");
    assertEquals("science", body.getJsonArray("queues").getJsonObject(0).getString("slug"));

    var token = gateway.login("carla", "a long enough password");
    var me = gateway.get("/api/me", token).bodyAsJsonObject();
    assertEquals(1, me.getJsonArray("queues").size());
    // Counted for this operator: other tests of the class create operators too, before or after
    // this one.
    assertEquals(
        1,
        gateway.count(
            "SELECT count(*) FROM audit_log WHERE action = 'operator.created' AND actor_kind = 'operator'"
                + " AND target = $1",
            "operator:" + body.getLong("id")));
  }

  @Test
  @DisplayName("the list shows every operator of the library with their queues")
  void list() {
    var response = gateway.get("/api/admin/operators", adminToken);
    assertEquals(200, response.statusCode());
    var usernames =
        response.bodyAsJsonObject().getJsonArray("operators").stream()
            .map(o -> ((JsonObject) o).getString("username"))
            .toList();
    assertTrue(usernames.containsAll(List.of("admin", "alice", "ben")), usernames::toString);
  }

  @Test
  @DisplayName("a taken username is a 409 and nothing is stored")
  void duplicateUsername() {
    long before = gateway.count("SELECT count(*) FROM operators");
    var response = gateway.post("/api/admin/operators", newOperator("ben"), adminToken);
    assertEquals(409, response.statusCode());
    assertEquals("username_taken", errorCode(response));
    assertEquals(before, gateway.count("SELECT count(*) FROM operators"));
  }

  @Test
  @DisplayName("a library admin gives the admin and coordinator roles, but only a system admin makes a system admin")
  void whoGivesWhichRole() {
    var coordinator =
        gateway.post(
            "/api/admin/operators", newOperator("colm").put("role", "coordinator"), adminToken);
    assertEquals(201, coordinator.statusCode(), coordinator::bodyAsString);
    assertEquals("coordinator", coordinator.bodyAsJsonObject().getString("role"));
    var libraryAdmin =
        gateway.post("/api/admin/operators", newOperator("lena").put("role", "admin"), adminToken);
    assertEquals(201, libraryAdmin.statusCode(), libraryAdmin::bodyAsString);

    var lenaToken = gateway.login("lena", "a long enough password");
    long before = gateway.count("SELECT count(*) FROM operators");
    var refused =
        gateway.post("/api/admin/operators", newOperator("sami").put("role", "system"), lenaToken);
    assertEquals(403, refused.statusCode(), refused::bodyAsString);
    assertEquals(before, gateway.count("SELECT count(*) FROM operators"));

    var allowed =
        gateway.post("/api/admin/operators", newOperator("sami").put("role", "system"), adminToken);
    assertEquals(201, allowed.statusCode(), allowed::bodyAsString);
  }

  @Test
  @DisplayName("bad fields are 400s naming the field, and store nothing")
  void validation() {
    long before = gateway.count("SELECT count(*) FROM operators");
    var cases =
        List.of(
            newOperator("x"),
            newOperator("Has Spaces"),
            newOperator("dora").put("password", "short"),
            newOperator("dora").put("role", "superuser"),
            newOperator("dora").put("displayName", ""),
            newOperator("dora").put("displayName", 42),
            newOperator("dora").put("queues", "science"),
            newOperator("dora").put("queues", new JsonArray().add("no-such-queue")));
    for (var body : cases) {
      var response = gateway.post("/api/admin/operators", body, adminToken);
      assertEquals(400, response.statusCode(), body::encode);
      assertEquals("invalid", errorCode(response), body::encode);
    }
    assertEquals(before, gateway.count("SELECT count(*) FROM operators"));
  }

  @Test
  @DisplayName("an operator who is not an admin gets 403")
  void notAnAdmin() {
    var token = gateway.librarianToken("ben");
    assertEquals(403, gateway.post("/api/admin/operators", newOperator("eve"), token).statusCode());
    assertEquals(403, gateway.get("/api/admin/operators", token).statusCode());
    assertEquals(0, gateway.count("SELECT count(*) FROM operators WHERE username = 'eve'"));
  }

  @Test
  @DisplayName("disabling an operator stops their token at once and their next sign-in")
  void disable() {
    var created =
        gateway.post("/api/admin/operators", newOperator("frank"), adminToken).bodyAsJsonObject();
    var token = gateway.login("frank", "a long enough password");
    assertEquals(200, gateway.get("/api/me", token).statusCode());

    var disabled =
        gateway.post(
            "/api/admin/operators/" + created.getLong("id") + "/disable",
            new JsonObject(),
            adminToken);
    assertEquals(200, disabled.statusCode());
    assertTrue(disabled.bodyAsJsonObject().getBoolean("disabled"));

    assertEquals(401, gateway.get("/api/me", token).statusCode());
    var login =
        gateway.post(
            "/api/auth/login",
            new JsonObject().put("username", "frank").put("password", "a long enough password"),
            null);
    assertEquals(401, login.statusCode());
  }

  @Test
  @DisplayName(
      "an operator whom every event loop remembers as enabled is refused on all of them right after the disable")
  void disableForgetsRememberedOperator() {
    var created =
        gateway.post("/api/admin/operators", newOperator("greta"), adminToken).bodyAsJsonObject();
    var token = gateway.login("greta", "a long enough password");
    // Several connections, so requests land on every HTTP event loop and each remembers the
    // operator.
    var client =
        WebClient.create(
            gateway.vertx(),
            new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(gateway.port()),
            new PoolOptions().setHttp1MaxSize(8));
    try {
      assertEquals(List.of(200), statuses(meTimes(client, token, 16)));

      var disabled =
          gateway.post(
              "/api/admin/operators/" + created.getLong("id") + "/disable",
              new JsonObject(),
              adminToken);
      assertEquals(200, disabled.statusCode());

      assertEquals(List.of(401), statuses(meTimes(client, token, 16)));
    } finally {
      client.close();
    }
  }

  private static List<Future<HttpResponse<Buffer>>> meTimes(
      WebClient client, String token, int times) {
    var requests = new ArrayList<Future<HttpResponse<Buffer>>>();
    for (int i = 0; i < times; i++) {
      requests.add(client.get("/api/me").bearerTokenAuthentication(token).send());
    }
    TestGateway.await(Future.join(requests));
    return requests;
  }

  private static List<Integer> statuses(List<Future<HttpResponse<Buffer>>> responses) {
    return responses.stream().map(r -> r.result().statusCode()).distinct().toList();
  }

  @Test
  @DisplayName("an admin cannot disable an operator of another library, nor themselves")
  void disableOutsideLibrary() {
    var otherLibrary =
        gateway
            .query("INSERT INTO libraries (name) VALUES ('Elsewhere') RETURNING id")
            .get(0)
            .getLong(0);
    var stranger =
        gateway
            .query(
                """
        INSERT INTO operators (library_id, username, display_name, password_hash, role)
        VALUES ($1, 'stranger', 'Stranger', 'x', 'admin') RETURNING id""",
                otherLibrary)
            .get(0)
            .getLong(0);
    var response =
        gateway.post("/api/admin/operators/" + stranger + "/disable", new JsonObject(), adminToken);
    assertEquals(404, response.statusCode());
    assertEquals(
        0,
        gateway.count(
            "SELECT count(*) FROM operators WHERE id = $1 AND disabled_at IS NOT NULL", stranger));

    var adminId =
        gateway.query("SELECT id FROM operators WHERE username = 'admin'").get(0).getLong(0);
    assertEquals(
        409,
        gateway
            .post("/api/admin/operators/" + adminId + "/disable", new JsonObject(), adminToken)
            .statusCode());
    assertEquals(
        404,
        gateway
            .post("/api/admin/operators/not-a-number/disable", new JsonObject(), adminToken)
            .statusCode());
  }
}
