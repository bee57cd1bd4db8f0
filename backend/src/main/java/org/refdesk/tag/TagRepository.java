package org.refdesk.tag;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;

/** A library's tags and the tags on its chats. */
public final class TagRepository {

  private final Pool pool;

  public TagRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<List<Tag>> inLibrary(long libraryId) {
    return pool.preparedQuery(TagSql.IN_LIBRARY)
        .execute(Tuple.of(libraryId))
        .map(TagRepository::tags);
  }

  /** Fails with 409 when the library already has a tag of that name (in any case). */
  public Future<Tag> create(long libraryId, String name) {
    return pool.preparedQuery(TagSql.INSERT)
        .execute(Tuple.of(libraryId, name))
        .map(
            rows ->
                tags(rows).stream()
                    .findFirst()
                    .orElseThrow(
                        () ->
                            new ApiException(
                                ErrorCode.CONFLICT,
                                "The library already has the tag '" + name + "'.")));
  }

  /** True when a tag of the library was deleted. */
  public Future<Boolean> delete(long libraryId, long tagId) {
    return pool.preparedQuery(TagSql.DELETE)
        .execute(Tuple.of(tagId, libraryId))
        .map(rows -> rows.rowCount() == 1);
  }

  public Future<List<Tag>> ofChat(long chatId) {
    return pool.preparedQuery(TagSql.OF_CHAT).execute(Tuple.of(chatId)).map(TagRepository::tags);
  }

  /** Puts a tag of the library on the chat; fails with 404 for a tag of another library. */
  public Future<Void> tag(long chatId, long tagId, long operatorId, long libraryId) {
    return pool.preparedQuery(TagSql.TAG_EXISTS)
        .execute(Tuple.of(tagId, libraryId))
        .compose(
            rows ->
                rows.iterator().next().getBoolean("known")
                    ? pool.preparedQuery(TagSql.TAG_CHAT)
                        .execute(Tuple.of(chatId, tagId, operatorId, libraryId))
                        .<Void>mapEmpty()
                    : Future.failedFuture(
                        ApiException.notFound("There is no such tag in your library.")));
  }

  public Future<Void> untag(long chatId, long tagId) {
    return pool.preparedQuery(TagSql.UNTAG_CHAT).execute(Tuple.of(chatId, tagId)).mapEmpty();
  }

  public Future<Long> countOn(long chatId) {
    return pool.preparedQuery(TagSql.COUNT_ON_CHAT)
        .execute(Tuple.of(chatId))
        .map(rows -> rows.iterator().next().getLong("tags"));
  }

  private static List<Tag> tags(RowSet<Row> rows) {
    var list = new ArrayList<Tag>();
    rows.forEach(row -> list.add(new Tag(row.getLong("id"), row.getString("name"))));
    return list;
  }

  /** A tag of a library. */
  public record Tag(long id, String name) {

    public JsonObject toJson() {
      return new JsonObject().put("id", id).put("name", name);
    }

    static JsonArray asArray(List<Tag> tags) {
      var array = new JsonArray();
      tags.forEach(tag -> array.add(tag.toJson()));
      return array;
    }
  }
}
