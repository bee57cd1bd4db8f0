package org.refdesk.platform.mail;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.VerticleBase;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailMessage;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.net.URI;
import java.util.List;
import java.util.logging.Logger;
import org.refdesk.platform.config.RefdeskConfig;
import org.refdesk.platform.db.Database;

/**
 * Hands the outbox's due rows to SMTP, one transaction per row: the row is claimed (locked, other
 * nodes skip it), sent, and marked sent or rescheduled before the lock is let go, so no two workers
 * send it and a sent row is never picked again. If the commit after a successful handoff is lost,
 * the retry carries the same Message-ID (made from the row id), so the receiving side can tell it
 * is the same mail. Without SMTP configured, rows wait and say why.
 */
public final class MailWorkerVerticle extends VerticleBase {

  private static final Logger log = Logger.getLogger(MailWorkerVerticle.class.getName());

  /** The first retry waits this long; each further one twice as long as the one before. */
  static final int FIRST_RETRY_SECONDS = 2;

  /** No wait between tries is longer: SMTP back after an outage is used within this time. */
  static final int LONGEST_RETRY_SECONDS = 15 * 60;

  /** Rows sent per tick at most, so a long queue does not hold the tick forever. */
  static final int ROWS_PER_TICK = 50;

  /** Room for an SMTP server's answer, without keeping a whole bounce in the row. */
  static final int ERROR_CHARS = 500;

  private final RefdeskConfig config;
  private Pool pool;
  private MailClient smtp;
  private String messageIdDomain;
  private boolean ticking;

  public MailWorkerVerticle(RefdeskConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    pool = Database.pool(vertx, config);
    smtp =
        config.smtpUrl().map(url -> MailClient.create(vertx, SmtpSettings.parse(url))).orElse(null);
    messageIdDomain = URI.create(config.publicUrl()).getHost();
    vertx.setPeriodic(config.timerTickMillis(), id -> tick());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    return smtp == null ? Future.succeededFuture() : smtp.close();
  }

  private void tick() {
    if (ticking) {
      return;
    }
    ticking = true;
    var work = smtp == null ? holdUnsendable() : sendDue(ROWS_PER_TICK);
    work.onComplete(
        done -> {
          ticking = false;
          if (done.failed()) {
            log.fine("A mail tick failed and will run again: " + done.cause().getMessage());
          }
        });
  }

  private Future<Void> holdUnsendable() {
    return pool.preparedQuery(MailSql.HOLD_UNSENDABLE)
        .execute(Tuple.of(MailOutbox.NO_SMTP))
        .mapEmpty();
  }

  private Future<Void> sendDue(int left) {
    if (left == 0) {
      return Future.succeededFuture();
    }
    return pool.withTransaction(this::sendOne)
        .compose(sentOne -> sentOne ? sendDue(left - 1) : Future.succeededFuture());
  }

  /** Answers whether there was a due row. */
  private Future<Boolean> sendOne(SqlConnection conn) {
    return conn.query(MailSql.CLAIM_DUE)
        .execute()
        .compose(
            rows -> {
              if (!rows.iterator().hasNext()) {
                return Future.succeededFuture(false);
              }
              var row = rows.iterator().next();
              var id = row.getLong("id");
              return smtp.sendMail(message(row))
                  .compose(
                      sent -> conn.preparedQuery(MailSql.MARK_SENT).execute(Tuple.of(id)),
                      failure -> {
                        // The row id only: the error may repeat the recipient's address.
                        log.info(
                            "Mail "
                                + id
                                + " not handed to SMTP (attempt "
                                + (row.getInteger("attempts") + 1)
                                + "); it will be tried again");
                        return conn.preparedQuery(MailSql.MARK_FAILED)
                            .execute(
                                Tuple.of(
                                    id,
                                    errorText(failure),
                                    FIRST_RETRY_SECONDS,
                                    LONGEST_RETRY_SECONDS));
                      })
                  .map(true);
            });
  }

  private MailMessage message(Row row) {
    var headers = MultiMap.caseInsensitiveMultiMap();
    headers.add("Message-ID", "<outbox-" + row.getLong("id") + "@" + messageIdDomain + ">");
    return new MailMessage()
        .setFrom(config.mailFrom())
        .setTo(List.of(row.getString("recipient")))
        .setSubject(row.getString("subject"))
        .setText(row.getString("text_body"))
        .setHtml(row.getString("html_body"))
        .setHeaders(headers);
  }

  private static String errorText(Throwable failure) {
    var text = "not sent: " + failure.getClass().getSimpleName();
    if (failure.getMessage() != null) {
      text += ": " + failure.getMessage();
    }
    return text.length() <= ERROR_CHARS ? text : text.substring(0, ERROR_CHARS);
  }
}
