package org.refdesk.seed;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.refdesk.auth.Passwords;
import org.refdesk.canned.CannedRepository;
import org.refdesk.faq.Faq;
import org.refdesk.faq.FaqRepository;
import org.refdesk.library.LibrarySettings;
import org.refdesk.operator.Operator;
import org.refdesk.operator.OperatorRepository;
import org.refdesk.operator.OperatorRepository.NewOperator;
import org.refdesk.platform.audit.AuditLog;

/**
 * First run: an empty database gets a library to try Refdesk with, its two queues, an admin and two
 * librarians. Runs once, even when several nodes start together.
 */
public final class DemoLibrary {

  public static final String ADMIN_USERNAME = "admin";
  private static final String ADMIN_DISPLAY_NAME = "Library Admin";
  static final String NAME = "Demo Library";

  private static final List<DemoQueue> QUEUES =
      List.of(
          new DemoQueue(
              "ask",
              "Ask a Librarian",
              new JsonObject()
                  .put("launcherLabel", "Ask a librarian")
                  .put("color", "#1d5fa8")
                  .put(
                      "hours",
                      "Librarians answer Monday to Friday 9:00-20:00 and Saturday 10:00-16:00.")
                  .put(
                      "offlineMessage",
                      "No librarian is online right now. Call us at 555-0100 or e-mail ask@demo-library.example and we will answer within one working day.")
                  .put(
                      "transcriptNotice",
                      "We keep a transcript of this chat to improve our service; it is never shared.")),
          new DemoQueue(
              "science",
              "Science Desk",
              new JsonObject()
                  .put("launcherLabel", "Ask the Science Desk")
                  .put("color", "#2e6b3a")
                  .put("hours", "The Science Desk answers Monday to Friday 10:00-17:00.")
                  .put(
                      "offlineMessage",
                      "The Science Desk is closed now. Leave your question at the front desk or e-mail science@demo-library.example.")
                  .put(
                      "transcriptNotice",
                      "We keep a transcript of this chat to improve our service; it is never shared.")));

  private static final List<DemoPerson> LIBRARIANS =
      List.of(
          new DemoPerson("alice", "Alice Moreno", List.of("ask")),
          new DemoPerson("ben", "Ben Okafor", List.of("ask", "science")),
          new DemoPerson("cleo", "Cleo Tan", List.of("science")));

  private final Pool pool;
  private final Passwords passwords;
  private final OperatorRepository operators;
  private final CannedRepository canned;
  private final FaqRepository faqs;

  public DemoLibrary(Pool pool, Passwords passwords) {
    this.pool = pool;
    this.passwords = passwords;
    this.operators = new OperatorRepository(pool);
    this.canned = new CannedRepository(pool);
    this.faqs = new FaqRepository(pool);
  }

  /**
   * Seeds an empty database. Returns the accounts it made, with their passwords, so start-up can
   * show them once; returns empty when the database already had a library.
   */
  public Future<Optional<Seeded>> seedIfEmpty(Optional<String> configuredAdminPassword) {
    return pool.query(SeedSql.ANY_LIBRARY)
        .execute()
        .compose(
            rows ->
                isSeeded(rows)
                    ? Future.succeededFuture(Optional.empty())
                    : seed(configuredAdminPassword));
  }

  private Future<Optional<Seeded>> seed(Optional<String> configuredAdminPassword) {
    return configuredAdminPassword
        .map(chosen -> passwords.refusal(chosen, ADMIN_USERNAME, ADMIN_DISPLAY_NAME))
        .orElse(Future.succeededFuture(Optional.empty()))
        .compose(
            refusal ->
                refusal.isEmpty()
                    ? seedWith(configuredAdminPassword)
                    : Future.failedFuture(
                        new IllegalArgumentException(
                            "REFDESK_ADMIN_PASSWORD is refused: " + refusal.get())));
  }

  private Future<Optional<Seeded>> seedWith(Optional<String> configuredAdminPassword) {
    var adminPassword = configuredAdminPassword.orElseGet(() -> Passwords.generate(16));
    // One password each: a shared one would let either librarian sign in as the other.
    var librarianPasswords = new LinkedHashMap<String, String>();
    LIBRARIANS.forEach(person -> librarianPasswords.put(person.username(), Passwords.generate(12)));
    var adminHash = passwords.hash(adminPassword);
    var librarianHashes =
        LIBRARIANS.stream()
            .map(person -> passwords.hash(librarianPasswords.get(person.username())))
            .toList();
    return Future.all(adminHash, Future.all(librarianHashes))
        .compose(
            hashes ->
                pool.withTransaction(
                    conn ->
                        conn.query(SeedSql.SEED_LOCK)
                            .execute()
                            // Checked again under the lock: another node may have seeded while we
                            // hashed.
                            .compose(locked -> conn.query(SeedSql.ANY_LIBRARY).execute())
                            .compose(
                                rows ->
                                    isSeeded(rows)
                                        ? Future.succeededFuture(Optional.<Seeded>empty())
                                        : insertLibrary(conn)
                                            .compose(
                                                libraryId ->
                                                    insertAccounts(
                                                            conn,
                                                            libraryId,
                                                            adminHash.result(),
                                                            librarianHashes.stream()
                                                                .map(Future::result)
                                                                .toList())
                                                        .map(
                                                            v ->
                                                                Optional.of(
                                                                    new Seeded(
                                                                        libraryId,
                                                                        NAME,
                                                                        ADMIN_USERNAME,
                                                                        configuredAdminPassword
                                                                                .isPresent()
                                                                            ? Optional.empty()
                                                                            : Optional.of(
                                                                                adminPassword),
                                                                        Collections.unmodifiableMap(
                                                                            librarianPasswords))))))));
  }

  private static boolean isSeeded(RowSet<Row> rows) {
    return rows.iterator().next().getBoolean("seeded");
  }

  private Future<Long> insertLibrary(SqlConnection conn) {
    // One field of the library's own on the offline question form, to show how they look.
    var settings =
        new JsonObject()
            .put("demo", true)
            .put(
                LibrarySettings.OFFLINE_FIELDS,
                new JsonArray()
                    .add(
                        new JsonObject()
                            .put("label", "Library card number")
                            .put("required", false)
                            .put("maxChars", 20)));
    return conn.preparedQuery(SeedSql.INSERT_LIBRARY)
        .execute(Tuple.of(NAME, "UTC", settings))
        .map(rows -> rows.iterator().next().getLong("id"))
        .compose(
            libraryId -> {
              var inserts =
                  QUEUES.stream()
                      .map(q -> Tuple.of(libraryId, q.slug(), q.name(), q.settings()))
                      .toList();
              return conn.preparedQuery(SeedSql.INSERT_QUEUE)
                  .executeBatch(inserts)
                  .compose(
                      v ->
                          Future.all(
                              CannedRepository.STARTERS.stream()
                                  .map(draft -> canned.insert(conn, libraryId, null, draft))
                                  .toList()))
                  .compose(
                      v ->
                          Future.all(
                              DemoFaqs.ALL.stream()
                                  .map(
                                      faq ->
                                          faqs.insert(
                                              conn, libraryId, faq, Faq.PUBLISHED, null, null))
                                  .toList()))
                  .compose(
                      v ->
                          AuditLog.systemDid(
                              conn, libraryId, "library.seeded", "library:" + libraryId, null))
                  .map(v -> libraryId);
            });
  }

  /** {@code librarianHashes} in the order of {@link #LIBRARIANS}. */
  private Future<Void> insertAccounts(
      SqlConnection conn, long libraryId, String adminHash, List<String> librarianHashes) {
    var allQueues = QUEUES.stream().map(DemoQueue::slug).toList();
    Future<?> chain =
        operators.insert(
            conn,
            new NewOperator(
                libraryId,
                ADMIN_USERNAME,
                ADMIN_DISPLAY_NAME,
                adminHash,
                // The first account runs the installation: it makes the other libraries and co-ops.
                Operator.SYSTEM,
                allQueues),
            null);
    for (int i = 0; i < LIBRARIANS.size(); i++) {
      var person = LIBRARIANS.get(i);
      var hash = librarianHashes.get(i);
      chain =
          chain.compose(
              v ->
                  operators.insert(
                      conn,
                      new NewOperator(
                          libraryId,
                          person.username(),
                          person.displayName(),
                          hash,
                          Operator.OPERATOR,
                          person.queues()),
                      null));
    }
    return chain.mapEmpty();
  }

  /**
   * What the first run made; the admin password is present only when it was generated. Each
   * librarian has a password of their own, by username, in the order they were made.
   */
  public record Seeded(
      long libraryId,
      String libraryName,
      String adminUsername,
      Optional<String> generatedAdminPassword,
      Map<String, String> librarianPasswords) {

    public List<String> librarianUsernames() {
      return List.copyOf(librarianPasswords.keySet());
    }

    public String librarianPassword(String username) {
      var password = librarianPasswords.get(username);
      if (password == null) {
        throw new IllegalArgumentException("no demo librarian " + username);
      }
      return password;
    }
  }

  private record DemoQueue(String slug, String name, JsonObject settings) {}

  private record DemoPerson(String username, String displayName, List<String> queues) {}
}
