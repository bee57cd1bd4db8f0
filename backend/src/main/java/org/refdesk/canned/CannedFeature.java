package org.refdesk.canned;

import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Map;
import org.refdesk.chat.ChatFeature;
import org.refdesk.library.LibraryFeature;
import org.refdesk.operator.OperatorFeature;
import org.refdesk.platform.gateway.Feature;
import org.refdesk.platform.gateway.Wiring;
import org.refdesk.platform.web.ClientLimits;

/** Canned messages: the library's and each operator's own ready answers. */
public final class CannedFeature implements Feature {

  @Override
  public void mount(Router router, Wiring wiring) {
    new CannedRoutes(
            new CannedRepository(wiring.pool()),
            ChatFeature.visibility(wiring),
            LibraryFeature.repository(wiring))
        .mount(router, OperatorFeature.auth(wiring));
  }

  @Override
  public List<Object> policies(Wiring wiring) {
    return List.of(
        (ClientLimits)
            () ->
                Map.of(
                    "cannedTitleChars",
                    CannedRoutes.TITLE_CHARS,
                    "cannedShortcutChars",
                    CannedRoutes.SHORTCUT_CHARS));
  }
}
