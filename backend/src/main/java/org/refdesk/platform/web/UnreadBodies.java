package org.refdesk.platform.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * A body refused before it was read (a declared length over the limit) would fill the connection's
 * window: a client that sends the whole body before reading may then never read the refusal. So the
 * rest is read and dropped, up to a cap beyond which the connection is simply cut, and the
 * connection closes once the answer has gone out.
 */
final class UnreadBodies {

  /** The most of a refused body read only to be dropped, so its sender hears the refusal. */
  private static final long MAX_DISCARDED_BYTES = 1024 * 1024;

  private UnreadBodies() {}

  static void discardTheRest(HttpServerRequest request) {
    var response = request.response();
    response.putHeader(HttpHeaders.CONNECTION, "close");
    if (request.isEnded()) {
      return;
    }
    request.endHandler(
        end -> {
          if (response.ended()) {
            request.connection().close();
          } else {
            response.endHandler(sent -> request.connection().close());
          }
        });
    long[] dropped = {0};
    request.handler(
        chunk -> {
          dropped[0] += chunk.length();
          if (dropped[0] > MAX_DISCARDED_BYTES) {
            request.connection().close();
          }
        });
    request.resume();
  }
}
