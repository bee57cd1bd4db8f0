package org.refdesk.embed;

/** The bus address of this feature; no browser sends to or listens on it. */
final class EmbedAddresses {

  private EmbedAddresses() {}

  /**
   * Published cluster-wide after a library's sites changed, with {@code libraryId}: every event
   * loop of every node reads that library's sites again.
   */
  static final String SITES_CHANGED = "refdesk.library-sites-changed";
}
