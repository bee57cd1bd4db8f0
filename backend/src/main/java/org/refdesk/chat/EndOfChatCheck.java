package org.refdesk.chat;

import io.vertx.core.Future;

/**
 * A condition another feature sets on an operator ending a chat (the tag feature's "tag it first",
 * for one). The chat feature asks every check its registry gives before it ends a chat; it knows
 * none of them by name.
 */
public interface EndOfChatCheck {

  /**
   * Succeeds when the chat may end now; fails with the API error that tells the operator what is
   * missing.
   */
  Future<Void> mayEnd(long chatId, long libraryId);
}
