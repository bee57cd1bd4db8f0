package org.refdesk.library;

import io.vertx.core.json.JsonObject;

/** A library: the owner of queues, operators and every chat asked of them. */
public record Library(long id, String name, String timezone) {

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("name", name).put("timezone", timezone);
  }
}
