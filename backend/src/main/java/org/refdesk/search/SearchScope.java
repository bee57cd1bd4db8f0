package org.refdesk.search;

import java.util.List;
import org.refdesk.platform.bus.Identity;

/**
 * Which libraries' transcripts and tickets an operator may search: the one place that decides it.
 * Today an operator's own library, as {@code chat.ChatVisibility} lets an operator see the chats of
 * their library; a co-op that lets member libraries see each other's chats widens this list too.
 */
final class SearchScope {

  List<Long> libraries(Identity caller) {
    return List.of(caller.libraryId());
  }
}
