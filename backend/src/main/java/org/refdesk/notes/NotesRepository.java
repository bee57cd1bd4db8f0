package org.refdesk.notes;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.refdesk.platform.audit.AuditLog;

/** A library's notes, its staleness age and its local-only topics in Postgres. */
public final class NotesRepository {

  private static final String[] TOPIC_ORDER = NotesLimits.TOPICS.toArray(String[]::new);

  private final Pool pool;

  public NotesRepository(Pool pool) {
    this.pool = pool;
  }

  /** What a note says, as an admin writes it. */
  public record NoteFields(String topic, String title, String body, JsonArray links) {}

  /** How a library wants its notes read: their age limit and the topics it keeps to itself. */
  public record NotesPolicy(int staleAfterDays, List<LocalTopic> localTopics) {}

  public Future<List<LibraryNote>> all(long libraryId) {
    return pool.preparedQuery(NotesSql.ALL_IN_LIBRARY)
        .execute(Tuple.tuple().addLong(libraryId).addArrayOfString(TOPIC_ORDER))
        .map(NotesRepository::notes);
  }

  /** Empty when the library keeps {@link NotesLimits#NOTES_PER_LIBRARY} notes already. */
  public Future<Optional<LibraryNote>> create(long libraryId, NoteFields fields, long editor) {
    return pool.preparedQuery(NotesSql.INSERT)
        .execute(
            Tuple.of(
                libraryId,
                fields.topic(),
                fields.title(),
                fields.body(),
                fields.links(),
                editor,
                NotesLimits.NOTES_PER_LIBRARY))
        .map(NotesRepository::first);
  }

  public Future<Optional<LibraryNote>> update(
      long libraryId, long id, NoteFields fields, long editor) {
    return pool.preparedQuery(NotesSql.UPDATE)
        .execute(
            Tuple.of(
                id,
                libraryId,
                fields.topic(),
                fields.title(),
                fields.body(),
                fields.links(),
                editor))
        .map(NotesRepository::first);
  }

  public Future<Boolean> delete(long libraryId, long id) {
    return pool.preparedQuery(NotesSql.DELETE)
        .execute(Tuple.of(id, libraryId))
        .map(rows -> rows.rowCount() == 1);
  }

  public Future<NotesPolicy> policy(long libraryId) {
    return Future.all(
            pool.preparedQuery(NotesSql.STALE_AFTER_DAYS)
                .execute(Tuple.of(libraryId, NotesLimits.STALE_DAYS_DEFAULT)),
            pool.preparedQuery(NotesSql.LOCAL_TOPICS)
                .execute(Tuple.tuple().addLong(libraryId).addArrayOfString(TOPIC_ORDER)))
        .map(
            both -> {
              RowSet<Row> days = both.resultAt(0);
              RowSet<Row> topics = both.resultAt(1);
              var local = new ArrayList<LocalTopic>();
              topics.forEach(
                  row ->
                      local.add(
                          new LocalTopic(
                              row.getString("topic"),
                              Arrays.asList(row.getArrayOfStrings("keywords")))));
              return new NotesPolicy(
                  days.iterator().next().getInteger("stale_after_days"), List.copyOf(local));
            });
  }

  /**
   * Replaces the age and the local-only topics together, so a reader never sees half of a change;
   * the audit log keeps who changed what the library's colleagues may answer.
   */
  public Future<NotesPolicy> setPolicy(long libraryId, NotesPolicy policy, long editor) {
    return pool.withTransaction(
            conn -> {
              var done =
                  conn.preparedQuery(NotesSql.SET_STALE_AFTER_DAYS)
                      .execute(Tuple.of(libraryId, policy.staleAfterDays(), editor))
                      .compose(
                          v ->
                              conn.preparedQuery(NotesSql.CLEAR_LOCAL_TOPICS)
                                  .execute(Tuple.of(libraryId)));
              if (!policy.localTopics().isEmpty()) {
                var batch = new ArrayList<Tuple>();
                for (var topic : policy.localTopics()) {
                  batch.add(
                      Tuple.tuple()
                          .addLong(libraryId)
                          .addString(topic.topic())
                          .addArrayOfString(topic.keywords().toArray(String[]::new)));
                }
                done =
                    done.compose(
                        v -> conn.preparedQuery(NotesSql.ADD_LOCAL_TOPIC).executeBatch(batch));
              }
              return done.compose(
                  v ->
                      AuditLog.operatorDid(
                          conn,
                          libraryId,
                          editor,
                          "notes.policy",
                          "library:" + libraryId,
                          new JsonObject()
                              .put("staleAfterDays", policy.staleAfterDays())
                              .put(
                                  "localOnly",
                                  new JsonArray(
                                      policy.localTopics().stream()
                                          .map(LocalTopic::topic)
                                          .toList()))));
            })
        .compose(v -> policy(libraryId));
  }

  private static Optional<LibraryNote> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(LibraryNote.from(it.next())) : Optional.empty();
  }

  private static List<LibraryNote> notes(RowSet<Row> rows) {
    var list = new ArrayList<LibraryNote>();
    rows.forEach(row -> list.add(LibraryNote.from(row)));
    return list;
  }
}
