package org.refdesk.platform.bus;

import io.vertx.core.eventbus.Message;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;

/**
 * Fails a bus command the way docs/protocol.md says: the code's number and its name, nothing
 * internal.
 */
public final class BusFailures {

  private BusFailures() {}

  public static void fail(Message<?> message, Throwable failure, Logger log) {
    var error =
        failure instanceof ApiException api
            ? api
            : new ApiException(ErrorCode.INTERNAL, "Something went wrong.");
    if (!(failure instanceof ApiException)) {
      log.log(Level.SEVERE, "A bus command to " + message.address() + " failed", failure);
    }
    message.fail(error.code().failureCode(), error.code().code());
  }
}
