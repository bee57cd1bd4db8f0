package org.refdesk.chat;

import java.util.Map;
import org.refdesk.platform.web.ClientLimits;

/**
 * How long what is written in a chat may be: a message (a patron's question too) and an e-mail
 * address.
 */
public final class ChatLimits implements ClientLimits {

  /** A chat message, the question that opens a chat, and a canned message that becomes one. */
  public static final int MESSAGE_CHARS = 4000;

  /** The longest address SMTP carries. */
  public static final int EMAIL_CHARS = 254;

  /** A page of events on resume, when the client names no limit, and the most it may ask for. */
  public static final int EVENTS_PAGE = 100;

  public static final int EVENTS_MAX_PAGE = 500;

  /** The draft a patron is typing, as operators see it. */
  static final int PREVIEW_CHARS = 1000;

  @Override
  public Map<String, Integer> limits() {
    return Map.of("messageChars", MESSAGE_CHARS, "emailChars", EMAIL_CHARS);
  }
}
