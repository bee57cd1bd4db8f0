package org.refdesk.ticket;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.refdesk.chat.ChatLimits;
import org.refdesk.platform.web.Bearer;
import org.refdesk.platform.web.JsonInput;
import org.refdesk.platform.web.Responses;

/**
 * What the reply page calls with the signed link's token as its bearer: the thread, and the
 * patron's answer. No account; the token names one ticket.
 */
final class PatronTicketRoutes {

  private final PatronTickets patrons;

  PatronTicketRoutes(PatronTickets patrons) {
    this.patrons = patrons;
  }

  void mount(Router router) {
    router.get("/api/reply").handler(this::thread);
    router.post("/api/reply/messages").handler(this::reply);
  }

  private void thread(RoutingContext ctx) {
    patrons
        .thread(Bearer.of(ctx))
        .onSuccess(body -> Responses.ok(ctx, withLimits(body)))
        .onFailure(ctx::fail);
  }

  private void reply(RoutingContext ctx) {
    var token = Bearer.of(ctx);
    // The link first: a tampered or expired one is told so whatever the body holds.
    patrons.checkLink(token);
    var text = JsonInput.body(ctx).requiredText("text", ChatLimits.MESSAGE_CHARS);
    patrons
        .reply(token, text)
        .onSuccess(body -> Responses.created(ctx, withLimits(body)))
        .onFailure(ctx::fail);
  }

  private static JsonObject withLimits(JsonObject body) {
    return body.put("limits", new JsonObject().put("textChars", ChatLimits.MESSAGE_CHARS));
  }
}
