package org.refdesk.tag;

import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Map;
import org.refdesk.chat.ChatFeature;
import org.refdesk.library.LibraryFeature;
import org.refdesk.operator.OperatorFeature;
import org.refdesk.platform.gateway.Feature;
import org.refdesk.platform.gateway.Wiring;
import org.refdesk.platform.web.ClientLimits;

/**
 * The library's tags, the tags on each chat, and the library's rule that a chat is tagged before it
 * ends.
 */
public final class TagFeature implements Feature {

  @Override
  public void mount(Router router, Wiring wiring) {
    new TagRoutes(repository(wiring), ChatFeature.visibility(wiring))
        .mount(router, OperatorFeature.auth(wiring));
  }

  @Override
  public List<Object> policies(Wiring wiring) {
    return List.of(
        wiring.once(
            RequiredTag.class,
            () -> new RequiredTag(LibraryFeature.repository(wiring), repository(wiring))),
        (ClientLimits) () -> Map.of("tagNameChars", TagRoutes.NAME_CHARS));
  }

  public static TagRepository repository(Wiring wiring) {
    return wiring.once(TagRepository.class, () -> new TagRepository(wiring.pool()));
  }
}
