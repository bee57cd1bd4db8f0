package org.refdesk.rating;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Patrons' ratings of their chats, in Postgres. */
public final class RatingRepository {

  private final Pool pool;

  public RatingRepository(Pool pool) {
    this.pool = pool;
  }

  /** The rating as stored; empty when the chat has not ended. */
  Future<Optional<Rating>> rate(long chatId, int score, String comment) {
    return pool.preparedQuery(RatingSql.RATE)
        .execute(Tuple.of(chatId, score, comment))
        .map(RatingRepository::first);
  }

  public Future<Optional<Rating>> ofChat(long chatId) {
    return pool.preparedQuery(RatingSql.OF_CHAT)
        .execute(Tuple.of(chatId))
        .map(RatingRepository::first);
  }

  private static Optional<Rating> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(Rating.from(rows.iterator().next()));
  }

  /** A patron's rating of a chat: 1 to 5, and what they wrote, if anything. */
  public record Rating(long chatId, int score, String comment, OffsetDateTime at) {

    static Rating from(Row row) {
      return new Rating(
          row.getLong("chat_id"),
          row.getInteger("score"),
          row.getString("comment"),
          row.getOffsetDateTime("created_at"));
    }

    public JsonObject toJson() {
      return new JsonObject()
          .put("chatId", chatId)
          .put("score", score)
          .put("comment", comment)
          .put("at", at.toInstant().toString());
    }
  }
}
