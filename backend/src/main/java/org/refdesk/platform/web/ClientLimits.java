package org.refdesk.platform.web;

import java.util.Map;

/**
 * The lengths a feature holds what people type to, declared once by that feature and told to the
 * operator app (in {@code /api/me}), so a field says its limit before the server has to refuse.
 */
public interface ClientLimits {

  /** Names in camel case ending in what they count ({@code messageChars}), to their values. */
  Map<String, Integer> limits();
}
