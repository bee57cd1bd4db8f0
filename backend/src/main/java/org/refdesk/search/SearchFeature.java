package org.refdesk.search;

import io.vertx.ext.web.Router;
import java.util.List;
import org.refdesk.platform.gateway.Feature;
import org.refdesk.platform.gateway.Wiring;
import org.refdesk.platform.web.OperatorGate;

/**
 * Transcript and ticket search: the words of ended and missed chats and of tickets, with filters,
 * ranked, with highlighted snippets. The search documents are written by Postgres (V14's triggers)
 * when a chat ends and when a ticket changes, so no other feature calls this one.
 */
public final class SearchFeature implements Feature {

  @Override
  public void mount(Router router, Wiring wiring) {
    new SearchRoutes(service(wiring)).mount(router, wiring.policy(OperatorGate.class));
  }

  @Override
  public List<Object> policies(Wiring wiring) {
    return List.of(new SearchLimits());
  }

  private static SearchService service(Wiring wiring) {
    return wiring.once(
        SearchService.class,
        () -> new SearchService(new SearchScope(), new SearchRepository(wiring.pool())));
  }
}
