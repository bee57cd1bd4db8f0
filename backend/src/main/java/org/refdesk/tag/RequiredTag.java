package org.refdesk.tag;

import io.vertx.core.Future;
import org.refdesk.chat.EndOfChatCheck;
import org.refdesk.library.LibraryRepository;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;

/** A library that asks for a tag on every chat gets one before an operator closes the chat off. */
final class RequiredTag implements EndOfChatCheck {

  private final LibraryRepository libraries;
  private final TagRepository tags;

  RequiredTag(LibraryRepository libraries, TagRepository tags) {
    this.libraries = libraries;
    this.tags = tags;
  }

  @Override
  public Future<Void> mayEnd(long chatId, long libraryId) {
    return libraries
        .settings(libraryId)
        .compose(
            settings ->
                !settings.getBoolean("requireTag")
                    ? Future.succeededFuture()
                    : tags.countOn(chatId)
                        .compose(
                            count ->
                                count > 0
                                    ? Future.<Void>succeededFuture()
                                    : Future.failedFuture(
                                        new ApiException(
                                            ErrorCode.TAG_REQUIRED,
                                            "Add at least one tag before ending the chat."))));
  }
}
