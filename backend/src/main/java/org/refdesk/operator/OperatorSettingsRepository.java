package org.refdesk.operator;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/**
 * Each operator's own choices, kept on the server so they follow the operator to another device:
 * which queues they monitor (all they may, until they choose) and how they want to be alerted.
 */
public final class OperatorSettingsRepository {

  private static final String FIND =
      """
      SELECT monitored_queues, alerts FROM operator_settings WHERE operator_id = $1
      """;

  private static final String UPSERT =
      """
      INSERT INTO operator_settings (operator_id, monitored_queues, alerts) VALUES ($1, $2, $3)
      ON CONFLICT (operator_id) DO UPDATE SET monitored_queues = excluded.monitored_queues, alerts = excluded.alerts,
             updated_at = now()
      """;

  private final Pool pool;

  public OperatorSettingsRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * {@code {monitoredQueues: [ids] | null, alerts: {...}}}; null queues means all the operator may
   * monitor.
   */
  public Future<JsonObject> find(long operatorId) {
    return pool.preparedQuery(FIND)
        .execute(Tuple.of(operatorId))
        .map(
            rows -> {
              if (!rows.iterator().hasNext()) {
                return new JsonObject().putNull("monitoredQueues").put("alerts", new JsonObject());
              }
              var row = rows.iterator().next();
              var queues = row.getArrayOfLongs("monitored_queues");
              return new JsonObject()
                  .put("monitoredQueues", queues == null ? null : new JsonArray(List.of(queues)))
                  .put("alerts", row.getJsonObject("alerts"));
            });
  }

  public Future<Void> save(long operatorId, List<Long> monitoredQueues, JsonObject alerts) {
    return pool.preparedQuery(UPSERT)
        .execute(
            Tuple.of(
                operatorId,
                monitoredQueues == null ? null : monitoredQueues.toArray(new Long[0]),
                alerts))
        .mapEmpty();
  }
}
