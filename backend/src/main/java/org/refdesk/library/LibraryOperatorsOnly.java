package org.refdesk.library;

import io.vertx.core.Future;
import org.refdesk.platform.bridge.IdFamilyRule;
import org.refdesk.platform.bus.Identity;

/**
 * An outbound family {@code <prefix><libraryId>} that only the operators of that library may listen
 * on, never a patron: the library's alerts, its operators' statuses.
 */
public final class LibraryOperatorsOnly extends IdFamilyRule {

  public LibraryOperatorsOnly(String prefix) {
    super(prefix);
  }

  @Override
  protected Future<Boolean> mayRegister(Identity who, long libraryId) {
    return Future.succeededFuture(!who.isPatron() && libraryId == who.libraryId());
  }
}
