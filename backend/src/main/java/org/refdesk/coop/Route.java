package org.refdesk.coop;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/**
 * One step of a queue's cascade: to which queue a chat goes, and when.
 *
 * @param afterSeconds for {@code unclaimed}, how long the chat waits in this queue first; else null
 */
record Route(
    long queueId,
    int step,
    long toQueueId,
    String condition,
    Integer afterSeconds,
    String toName,
    Long toCoopId) {

  static final String ALWAYS = "always";
  static final String OUTSIDE_HOURS = "outside_hours";
  static final String UNCLAIMED = "unclaimed";

  static Route from(Row row) {
    return new Route(
        row.getLong("queue_id"),
        row.getInteger("step"),
        row.getLong("to_queue_id"),
        row.getString("condition"),
        row.getInteger("after_seconds"),
        row.getString("to_name"),
        row.getLong("to_coop_id"));
  }

  JsonObject toJson() {
    return new JsonObject()
        .put("step", step)
        .put("toQueueId", toQueueId)
        .put("toQueueName", toName)
        .put("toCoop", toCoopId != null)
        .put("condition", condition)
        .put("afterSeconds", afterSeconds);
  }
}
