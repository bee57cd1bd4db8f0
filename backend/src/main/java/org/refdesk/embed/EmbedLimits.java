package org.refdesk.embed;

/** How many sites a library may list, and how long an origin may be: declared once. */
public final class EmbedLimits {

  private EmbedLimits() {}

  /** Sites one library may list; a consortium's branches fit, a list pasted by mistake does not. */
  public static final int SITES_PER_LIBRARY = 50;

  /** The longest origin taken (the schema holds it to the same). */
  public static final int ORIGIN_CHARS = 300;
}
