package org.refdesk.coop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.refdesk.auth.Passwords;
import org.refdesk.support.SecondLibrary;
import org.refdesk.support.TestGateway;

/**
 * Three libraries for the co-op tests: the demo library (A), Riverside (B), both members of the
 * co-op Valley Libraries with its Spanish queue, and Hill County (C), which is not. Each has an
 * operator; Riverside also an admin and a coordinator. The co-op is made through the API by the
 * system admin; the libraries and people with SQL, as the admin pages for them are elsewhere.
 */
public final class CoopWorld {

  public static final String COOP_QUEUE_SLUG = "valley-es";

  public final TestGateway gateway;
  public final long demoLibraryId;
  public final SecondLibrary riverside;
  public final long hillLibraryId;
  public final long hillQueueId;
  public final long coopId;
  public final long coopQueueId;

  private CoopWorld(TestGateway gateway) {
    this.gateway = gateway;
    this.demoLibraryId = gateway.demoLibraryId();
    this.riverside = SecondLibrary.create(gateway);
    this.hillLibraryId =
        gateway
            .query("INSERT INTO libraries (name) VALUES ('Hill County Library') RETURNING id")
            .get(0)
            .getLong(0);
    this.hillQueueId =
        gateway
            .query(
                "INSERT INTO queues (library_id, slug, name) VALUES ($1, 'hill', 'Ask Hill') RETURNING id",
                hillLibraryId)
            .get(0)
            .getLong(0);
    long hugo = person(hillLibraryId, "hugo", "Hugo Hill", "operator");
    watch(hugo, hillQueueId, hillLibraryId);
    person(hillLibraryId, "hank", "Hank Hill", "admin");
    person(riverside.libraryId(), "rhea", "Rhea Banks", "admin");
    person(riverside.libraryId(), "cora", "Cora Vale", "coordinator");
    String system = gateway.adminToken();
    var coop =
        gateway.post(
            "/api/admin/coops",
            new JsonObject().put("name", "Valley Libraries").put("hostLibraryId", demoLibraryId),
            system);
    assertEquals(201, coop.statusCode(), coop::bodyAsString);
    this.coopId = coop.bodyAsJsonObject().getLong("id");
    var joined =
        gateway.post(
            "/api/admin/coops/" + coopId + "/members",
            new JsonObject().put("libraryId", riverside.libraryId()),
            system);
    assertEquals(200, joined.statusCode(), joined::bodyAsString);
    var queue =
        gateway.post(
            "/api/admin/coops/" + coopId + "/queues",
            new JsonObject()
                .put("slug", COOP_QUEUE_SLUG)
                .put("name", "Valley en Español")
                .put("language", "es")
                .put("label", "Co-op ES")
                .put("colour", "#7a3e9d"),
            system);
    assertEquals(201, queue.statusCode(), queue::bodyAsString);
    this.coopQueueId = queue.bodyAsJsonObject().getLong("id");
    var given = assign(coopQueueId, riverside.operatorId(), token("rhea"));
    assertEquals(204, given.statusCode(), given::bodyAsString);
  }

  public static CoopWorld create(TestGateway gateway) {
    return new CoopWorld(gateway);
  }

  /** An operator of the library, with the shared test passphrase; answers their id. */
  public long person(long libraryId, String username, String name, String role) {
    var hash = TestGateway.await(new Passwords(gateway.vertx()).hash(SecondLibrary.PASSWORD));
    return gateway
        .query(
            """
            INSERT INTO operators (library_id, username, display_name, password_hash, role)
            VALUES ($1, $2, $3, $4, $5) RETURNING id""",
            libraryId,
            username,
            name,
            hash,
            role)
        .get(0)
        .getLong(0);
  }

  public void watch(long operatorId, long queueId, long libraryId) {
    gateway.query(
        "INSERT INTO operator_queues (operator_id, queue_id, library_id) VALUES ($1, $2, $3)",
        operatorId,
        queueId,
        libraryId);
  }

  /** A token of one of the people made here (the demo librarians have their own passwords). */
  public String token(String username) {
    return switch (username) {
      case "alice", "ben", "cleo" -> gateway.librarianToken(username);
      case "admin" -> gateway.adminToken();
      default -> gateway.login(username, SecondLibrary.PASSWORD);
    };
  }

  public long queueOfDemo(String slug, String name) {
    return gateway
        .query(
            "INSERT INTO queues (library_id, slug, name) VALUES ($1, $2, $3) RETURNING id",
            demoLibraryId,
            slug,
            name)
        .get(0)
        .getLong(0);
  }

  public HttpResponse<Buffer> assign(long queueId, long operatorId, String token) {
    return TestGateway.await(
        gateway
            .client()
            .put("/api/admin/coop-queues/" + queueId + "/operators/" + operatorId)
            .bearerTokenAuthentication(token)
            .send());
  }

  public HttpResponse<Buffer> putRoutes(long queueId, JsonArray steps, String token) {
    return TestGateway.await(
        gateway
            .client()
            .put("/api/admin/queues/" + queueId + "/routes")
            .bearerTokenAuthentication(token)
            .sendJsonObject(new JsonObject().put("steps", steps)));
  }

  public HttpResponse<Buffer> delete(String path, String token) {
    return TestGateway.await(gateway.client().delete(path).bearerTokenAuthentication(token).send());
  }

  public HttpResponse<Buffer> put(String path, JsonObject body, String token) {
    return TestGateway.await(
        gateway.client().put(path).bearerTokenAuthentication(token).sendJsonObject(body));
  }

  /** Sets the routes as the system admin (the demo library's admin) and checks they were taken. */
  public void route(long queueId, JsonArray steps) {
    var set = putRoutes(queueId, steps, gateway.adminToken());
    assertEquals(200, set.statusCode(), set::bodyAsString);
  }

  public static JsonObject step(long toQueueId, String condition, Integer afterSeconds) {
    var step = new JsonObject().put("toQueueId", toQueueId).put("condition", condition);
    if (afterSeconds != null) {
      step.put("afterSeconds", afterSeconds);
    }
    return step;
  }

  public long queueOf(long chatId) {
    return gateway.query("SELECT queue_id FROM chats WHERE id = $1", chatId).get(0).getLong(0);
  }
}
