package org.refdesk.platform.bridge;

import io.vertx.core.Future;
import java.util.regex.Pattern;
import org.refdesk.platform.bus.Addresses;
import org.refdesk.platform.bus.Identity;

/**
 * An outbound family of addresses {@code <prefix><id>} (a chat, a queue, a room): the pattern and
 * the reading of the id are the same for all; a rule says only who may listen on one id.
 */
public abstract class IdFamilyRule implements BridgeRule {

  private final String prefix;
  private final Pattern addresses;

  protected IdFamilyRule(String prefix) {
    this.prefix = prefix;
    this.addresses = Pattern.compile(Pattern.quote(prefix) + "[0-9]+");
  }

  /** May this identity listen on the family's address for this id (always a positive number)? */
  protected abstract Future<Boolean> mayRegister(Identity who, long id);

  @Override
  public final Pattern addresses() {
    return addresses;
  }

  @Override
  public final boolean inbound() {
    return false;
  }

  @Override
  public final Future<Boolean> mayRegister(Identity who, String address) {
    long id = Addresses.idOf(address, prefix);
    return id > 0 ? mayRegister(who, id) : Future.succeededFuture(false);
  }
}
