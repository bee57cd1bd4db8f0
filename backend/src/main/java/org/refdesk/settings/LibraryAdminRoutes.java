package org.refdesk.settings;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.refdesk.auth.PasswordPolicy;
import org.refdesk.auth.Passwords;
import org.refdesk.library.Library;
import org.refdesk.library.LibraryAddresses;
import org.refdesk.library.LibraryRepository;
import org.refdesk.operator.Operator;
import org.refdesk.operator.OperatorAuth;
import org.refdesk.operator.OperatorLimits;
import org.refdesk.operator.OperatorRepository;
import org.refdesk.operator.OperatorRepository.NewOperator;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.web.JsonInput;
import org.refdesk.platform.web.PathParams;
import org.refdesk.platform.web.Responses;

/**
 * The installation's libraries. A system admin lists them all, creates one with its first library
 * admin in the same transaction, and renames any; a library admin sees and edits their own only.
 */
final class LibraryAdminRoutes {

  static final int NAME_CHARS = 200;

  private final Pool pool;
  private final LibraryRepository libraries;
  private final OperatorRepository operators;
  private final Passwords passwords;

  LibraryAdminRoutes(
      Pool pool, LibraryRepository libraries, OperatorRepository operators, Passwords passwords) {
    this.pool = pool;
    this.libraries = libraries;
    this.operators = operators;
    this.passwords = passwords;
  }

  void mount(Router router, OperatorAuth operatorAuth) {
    var admin = OperatorAuth.requireAdmin();
    router.get("/api/admin/libraries").handler(operatorAuth).handler(admin).handler(this::list);
    router.post("/api/admin/libraries").handler(operatorAuth).handler(admin).handler(this::create);
    router.put("/api/admin/libraries/:id").handler(operatorAuth).handler(admin).handler(this::edit);
  }

  private void list(RoutingContext ctx) {
    var caller = OperatorAuth.operator(ctx);
    var found =
        caller.isSystemAdmin()
            ? libraries.all()
            : libraries.find(caller.libraryId()).map(own -> own.stream().toList());
    found
        .onSuccess(
            all -> {
              var list = new JsonArray();
              all.forEach(library -> list.add(library.toJson()));
              Responses.ok(ctx, new JsonObject().put("libraries", list));
            })
        .onFailure(ctx::fail);
  }

  /**
   * {@code {name, timezone, admin: {username, displayName, password}}}: the library and its first
   * admin, or neither.
   */
  private void create(RoutingContext ctx) {
    var caller = OperatorAuth.operator(ctx);
    if (!caller.isSystemAdmin()) {
      throw ApiException.forbidden("Only a system admin may create a library.");
    }
    var input = JsonInput.body(ctx);
    var name = input.requiredText("name", NAME_CHARS);
    var timezone = timezone(input.requiredText("timezone", 64));
    if (!(input.json().getValue("admin") instanceof JsonObject adminJson)) {
      throw ApiException.invalid(
          "'admin' must be {username, displayName, password}: the library's first admin.");
    }
    var admin = JsonInput.of(adminJson);
    var username =
        admin
            .matching("username", OperatorLimits.USERNAME, OperatorLimits.USERNAME_RULE)
            .toLowerCase(Locale.ROOT);
    var displayName = admin.requiredText("displayName", OperatorLimits.DISPLAY_NAME_CHARS);
    var password =
        admin.requiredSecret("password", PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH);
    passwords
        .refusal(password, username, displayName)
        .compose(
            refusal ->
                refusal.isEmpty()
                    ? passwords.hash(password)
                    : Future.failedFuture(
                        ApiException.invalid("'admin.password' is refused: " + refusal.get())))
        .compose(
            hash ->
                pool.withTransaction(
                    conn ->
                        libraries
                            .insert(conn, name, timezone)
                            .compose(
                                library ->
                                    operators
                                        .insert(
                                            conn,
                                            new NewOperator(
                                                library.id(),
                                                username,
                                                displayName,
                                                hash,
                                                Operator.ADMIN,
                                                List.of()),
                                            caller.id())
                                        .map(
                                            first ->
                                                library.toJson().put("admin", first.toJson())))))
        .onSuccess(body -> Responses.created(ctx, body))
        .onFailure(ctx::fail);
  }

  /** Any of {@code name} and {@code timezone}. */
  private void edit(RoutingContext ctx) {
    var caller = OperatorAuth.operator(ctx);
    long id = PathParams.id(ctx, "id");
    var input = JsonInput.body(ctx);
    var json = input.json();
    var name = json.containsKey("name") ? input.requiredText("name", NAME_CHARS) : null;
    var timezone =
        json.containsKey("timezone") ? timezone(input.requiredText("timezone", 64)) : null;
    if (!caller.isSystemAdmin() && id != caller.libraryId()) {
      throw ApiException.notFound("There is no such library.");
    }
    libraries
        .update(id, name, timezone)
        .compose(
            found ->
                found.isPresent()
                    ? Future.succeededFuture(found.get())
                    : Future.<Library>failedFuture(
                        ApiException.notFound("There is no such library.")))
        .onSuccess(
            library -> {
              LibraryAddresses.announceLibraryChange(
                  ctx.vertx(), library.id(), LibraryAddresses.CHANGED_LIBRARY);
              Responses.ok(ctx, library.toJson());
            })
        .onFailure(ctx::fail);
  }

  /** A zone Java knows by its region name, such as Europe/Oslo; offsets like +02:00 are refused. */
  private static String timezone(String given) {
    try {
      var zone = ZoneId.of(given);
      if (!given.contains("/") && !"UTC".equals(given)) {
        throw new DateTimeException("not a region");
      }
      return zone.getId();
    } catch (DateTimeException e) {
      throw ApiException.invalid(
          "'timezone' must be a time zone such as Europe/Oslo or America/Chicago, or UTC.");
    }
  }
}
