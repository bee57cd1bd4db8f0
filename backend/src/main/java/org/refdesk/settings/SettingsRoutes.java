package org.refdesk.settings;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.refdesk.library.LibraryAddresses;
import org.refdesk.library.LibraryRepository;
import org.refdesk.library.LibrarySettings;
import org.refdesk.operator.OperatorAuth;
import org.refdesk.operator.OperatorRepository;
import org.refdesk.operator.OperatorSettingsRepository;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.web.JsonInput;
import org.refdesk.platform.web.Responses;
import org.refdesk.queue.QueueRef;

/** The library's thresholds (read by everyone, set by admins) and each operator's own settings. */
public final class SettingsRoutes {

  /** The alert choices an operator can make, and what each accepts. */
  private static final Map<String, String> ALERTS =
      Map.of(
          "sound",
          "boolean",
          "desktop",
          "boolean",
          "titleFlash",
          "boolean",
          "escalationSound",
          "boolean",
          "messageSound",
          "boolean",
          "internalSound",
          "boolean",
          "volume",
          "number",
          "soundName",
          "name",
          // Paged when a colleague calls for help, even while signed out of the app.
          "onCall",
          "boolean");

  private static final Set<String> SOUNDS = Set.of("chime", "bell", "beep");

  private final LibraryRepository libraries;
  private final OperatorRepository operators;
  private final OperatorSettingsRepository settings;

  public SettingsRoutes(
      LibraryRepository libraries,
      OperatorRepository operators,
      OperatorSettingsRepository settings) {
    this.libraries = libraries;
    this.operators = operators;
    this.settings = settings;
  }

  public void mount(Router router, OperatorAuth operatorAuth) {
    router.get("/api/library/settings").handler(operatorAuth).handler(this::librarySettings);
    router
        .put("/api/admin/library/settings")
        .handler(operatorAuth)
        .handler(OperatorAuth.requireAdmin())
        .handler(this::updateLibrarySettings);
    router.get("/api/me/settings").handler(operatorAuth).handler(this::mySettings);
    router.put("/api/me/settings").handler(operatorAuth).handler(this::updateMySettings);
  }

  private void librarySettings(RoutingContext ctx) {
    libraries
        .settings(OperatorAuth.operator(ctx).libraryId())
        .onSuccess(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private void updateLibrarySettings(RoutingContext ctx) {
    var update = LibrarySettings.validated(JsonInput.body(ctx).json());
    long libraryId = OperatorAuth.operator(ctx).libraryId();
    libraries
        .updateSettings(libraryId, update)
        .onSuccess(
            body -> {
              LibraryAddresses.announceLibraryChange(
                  ctx.vertx(), libraryId, LibraryAddresses.CHANGED_SETTINGS);
              Responses.ok(ctx, body);
            })
        .onFailure(ctx::fail);
  }

  private void mySettings(RoutingContext ctx) {
    settings
        .find(OperatorAuth.operator(ctx).id())
        .onSuccess(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  /**
   * Both parts are replaced; the queues must be ones the operator may monitor (or null for all of
   * them).
   */
  private void updateMySettings(RoutingContext ctx) {
    var operator = OperatorAuth.operator(ctx);
    var body = JsonInput.body(ctx).json();
    var alerts = alerts(body.getValue("alerts"));
    var chosen = queueIds(body.getValue("monitoredQueues"));
    operators
        .queuesOf(operator.id())
        .compose(
            mayMonitor -> {
              var allowed = mayMonitor.stream().map(QueueRef::id).toList();
              if (chosen != null && !allowed.containsAll(chosen)) {
                return Future.failedFuture(
                    ApiException.invalid(
                        "'monitoredQueues' may only name queues you may monitor."));
              }
              return settings.save(operator.id(), chosen, alerts);
            })
        .compose(v -> settings.find(operator.id()))
        .onSuccess(saved -> Responses.ok(ctx, saved))
        .onFailure(ctx::fail);
  }

  private static List<Long> queueIds(Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonArray array) || array.size() > 100) {
      throw ApiException.invalid("'monitoredQueues' must be a list of queue ids, or null for all.");
    }
    var ids = new ArrayList<Long>();
    for (var item : array) {
      if (!(item instanceof Number n) || n.longValue() <= 0 || n.doubleValue() != n.longValue()) {
        throw ApiException.invalid(
            "'monitoredQueues' must be a list of queue ids, or null for all.");
      }
      if (!ids.contains(n.longValue())) {
        ids.add(n.longValue());
      }
    }
    return ids;
  }

  private static JsonObject alerts(Object value) {
    if (value == null) {
      return new JsonObject();
    }
    if (!(value instanceof JsonObject given)) {
      throw ApiException.invalid("'alerts' must be an object.");
    }
    for (var name : given.fieldNames()) {
      var kind = ALERTS.get(name);
      var v = given.getValue(name);
      boolean fits =
          kind != null
              && switch (kind) {
                case "boolean" -> v instanceof Boolean;
                case "number" ->
                    v instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() <= 1;
                default -> v instanceof String s && SOUNDS.contains(s);
              };
      if (!fits) {
        throw ApiException.invalid(
            "'alerts." + name + "' is not a setting or has a value it cannot take.");
      }
    }
    return given.copy();
  }
}
