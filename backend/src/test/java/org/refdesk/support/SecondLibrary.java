package org.refdesk.support;

import org.refdesk.auth.Passwords;

/**
 * Another library in the same installation, put in with SQL until libraries can be created through
 * the admin pages: one queue and one operator who monitors it.
 */
public record SecondLibrary(
    long libraryId,
    long queueId,
    String queueSlug,
    long operatorId,
    String username,
    String password) {

  public static final String PASSWORD = "another library's own passphrase";

  public static SecondLibrary create(TestGateway gateway) {
    long library =
        gateway
            .query("INSERT INTO libraries (name) VALUES ('Riverside Public Library') RETURNING id")
            .get(0)
            .getLong(0);
    long queue =
        gateway
            .query(
                "INSERT INTO queues (library_id, slug, name) VALUES ($1, 'riverside', 'Ask Riverside') RETURNING id",
                library)
            .get(0)
            .getLong(0);
    var hash = TestGateway.await(new Passwords(gateway.vertx()).hash(PASSWORD));
    long operator =
        gateway
            .query(
                """
        INSERT INTO operators (library_id, username, display_name, password_hash, role)
        VALUES ($1, 'rosa', 'Rosa Lind', $2, 'operator') RETURNING id""",
                library,
                hash)
            .get(0)
            .getLong(0);
    gateway.query(
        "INSERT INTO operator_queues (operator_id, queue_id, library_id) VALUES ($1, $2, $3)",
        operator,
        queue,
        library);
    return new SecondLibrary(library, queue, "riverside", operator, "rosa", PASSWORD);
  }

  public String token(TestGateway gateway) {
    return gateway.login(username, password);
  }
}
