package org.refdesk.platform.mail;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/**
 * Where a feature puts an e-mail: a row, written with the feature's own client so that the mail is
 * committed with (or rolled back with) what made it. The mail worker sends it later.
 */
public final class MailOutbox {

  /** The reason a queued row shows while the gateway has no SMTP server to hand it to. */
  public static final String NO_SMTP = "not sent: no SMTP configured";

  private MailOutbox() {}

  /** Queues the mail and answers its row id. */
  public static Future<Long> enqueue(SqlClient client, OutgoingMail mail) {
    return client
        .preparedQuery(MailSql.ENQUEUE)
        .execute(Tuple.of(mail.to(), mail.subject(), mail.text(), mail.html()))
        .map(rows -> rows.iterator().next().getLong("id"));
  }
}
