package org.refdesk.library;

import io.vertx.core.Future;
import java.util.List;
import java.util.regex.Pattern;
import org.refdesk.platform.bridge.BridgeRule;
import org.refdesk.platform.bus.Addresses;
import org.refdesk.platform.bus.Identity;
import org.refdesk.platform.gateway.Feature;
import org.refdesk.platform.gateway.Wiring;

/**
 * Libraries, their settings and their alerts; the settings routes and the seed read and write them
 * through here.
 */
public final class LibraryFeature implements Feature {

  @Override
  public List<BridgeRule> bridgeRules(Wiring wiring) {
    return List.of(new Alerts());
  }

  public static LibraryRepository repository(Wiring wiring) {
    return wiring.once(LibraryRepository.class, () -> new LibraryRepository(wiring.pool()));
  }

  /** {@code alerts.<libraryId>}: the library's own operators, never a patron. */
  static final class Alerts implements BridgeRule {

    private static final Pattern ADDRESSES =
        Pattern.compile(Pattern.quote(LibraryAddresses.ALERTS_PREFIX) + "[0-9]+");

    @Override
    public Pattern addresses() {
      return ADDRESSES;
    }

    @Override
    public boolean inbound() {
      return false;
    }

    @Override
    public Future<Boolean> mayRegister(Identity who, String address) {
      long libraryId = Addresses.idOf(address, LibraryAddresses.ALERTS_PREFIX);
      return Future.succeededFuture(
          !who.isPatron() && libraryId > 0 && libraryId == who.libraryId());
    }
  }
}
