package org.refdesk.library;

import java.util.List;
import org.refdesk.platform.bridge.BridgeRule;
import org.refdesk.platform.gateway.Feature;
import org.refdesk.platform.gateway.Wiring;

/**
 * Libraries, their settings and their alerts; the settings routes and the seed read and write them
 * through here.
 */
public final class LibraryFeature implements Feature {

  @Override
  public List<BridgeRule> bridgeRules(Wiring wiring) {
    return List.of(new LibraryOperatorsOnly(LibraryAddresses.ALERTS_PREFIX));
  }

  public static LibraryRepository repository(Wiring wiring) {
    return wiring.once(LibraryRepository.class, () -> new LibraryRepository(wiring.pool()));
  }
}
