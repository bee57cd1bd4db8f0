package org.refdesk.search;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.refdesk.platform.bus.Identity;

/**
 * The searches an operator may run: over the libraries {@link SearchScope} allows them, with the
 * dates read as days of the operator's own library.
 */
final class SearchService {

  private final SearchScope scope;
  private final SearchRepository repository;

  SearchService(SearchScope scope, SearchRepository repository) {
    this.scope = scope;
    this.repository = repository;
  }

  Future<SearchResults> chats(Identity caller, SearchRoutes.ChatFilters filters) {
    return repository.chats(
        new ChatQuery(
            scope.libraries(caller),
            caller.libraryId(),
            filters.words(),
            filters.from(),
            filters.to(),
            filters.queueId(),
            filters.operatorId(),
            filters.tagId(),
            filters.rating(),
            filters.state(),
            filters.page()));
  }

  /** What the search form's filters offer the caller. */
  Future<JsonObject> choices(Identity caller) {
    return repository.choices(scope.libraries(caller));
  }

  Future<SearchResults> tickets(Identity caller, SearchRoutes.TicketFilters filters) {
    return repository.tickets(
        new TicketQuery(
            scope.libraries(caller),
            caller.libraryId(),
            filters.words(),
            filters.from(),
            filters.to(),
            filters.status(),
            filters.queueId(),
            filters.assigneeId(),
            filters.unassigned(),
            filters.page()));
  }
}
