package org.refdesk.embed;

import io.vertx.ext.web.Router;
import java.util.List;
import org.refdesk.auth.AuthFeature;
import org.refdesk.operator.OperatorFeature;
import org.refdesk.platform.gateway.Feature;
import org.refdesk.platform.gateway.Wiring;
import org.refdesk.queue.QueueFeature;

/**
 * The sites each library lets embed its widget, kept by its admins beside the installation's list;
 * the snippet for each queue and placement; and the direct link to a queue's full-page chat. The
 * platform's origin checks ask this feature through {@code LibrarySites}.
 */
public final class EmbedFeature implements Feature {

  @Override
  public void mountPublic(Router router, Wiring wiring) {
    routes(wiring).mountPublic(router);
  }

  @Override
  public void mount(Router router, Wiring wiring) {
    routes(wiring).mount(router, OperatorFeature.auth(wiring));
  }

  @Override
  public List<Object> policies(Wiring wiring) {
    return List.of(directory(wiring));
  }

  private static EmbedRoutes routes(Wiring wiring) {
    return wiring.once(
        EmbedRoutes.class,
        () ->
            new EmbedRoutes(
                repository(wiring), QueueFeature.repository(wiring), wiring.config().publicUrl()));
  }

  private static SiteDirectory directory(Wiring wiring) {
    return wiring.once(
        SiteDirectory.class,
        () -> {
          var directory =
              new SiteDirectory(
                  wiring.vertx(),
                  repository(wiring),
                  QueueFeature.repository(wiring),
                  AuthFeature.tokens(wiring));
          wiring.listenFirst(directory.start());
          return directory;
        });
  }

  private static LibrarySiteRepository repository(Wiring wiring) {
    return wiring.once(LibrarySiteRepository.class, () -> new LibrarySiteRepository(wiring.pool()));
  }
}
