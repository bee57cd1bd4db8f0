package org.refdesk.library;

import org.refdesk.platform.gateway.Feature;
import org.refdesk.platform.gateway.Wiring;

/** Libraries and their settings; the settings routes and the seed read and write them through here. */
public final class LibraryFeature implements Feature {

  public static LibraryRepository repository(Wiring wiring) {
    return wiring.once(LibraryRepository.class, () -> new LibraryRepository(wiring.pool()));
  }
}
