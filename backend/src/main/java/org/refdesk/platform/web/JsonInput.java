package org.refdesk.platform.web;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;

/**
 * A request body read as a JSON object, with typed accessors that fail with a 400 naming the field.
 * Handlers validate everything before they call anything that writes.
 */
public final class JsonInput {

  private final JsonObject json;

  private JsonInput(JsonObject json) {
    this.json = json;
  }

  public static JsonInput of(JsonObject json) {
    return new JsonInput(json);
  }

  public static JsonInput body(RoutingContext ctx) {
    var buffer = ctx.body().buffer();
    if (buffer == null || buffer.length() == 0) {
      throw new ApiException(ErrorCode.BAD_JSON, "The request needs a JSON object as its body.");
    }
    var text = buffer.toString(StandardCharsets.UTF_8).strip();
    if (!text.startsWith("{")) {
      throw new ApiException(ErrorCode.BAD_JSON, "The body must be a JSON object.");
    }
    try {
      return new JsonInput(new JsonObject(text));
    } catch (DecodeException e) {
      throw new ApiException(ErrorCode.BAD_JSON, "The body is not valid JSON.");
    }
  }

  /** The whole object, for checks that need more than one field at a time. */
  public JsonObject json() {
    return json;
  }

  public String requiredText(String field, int maxLength) {
    return optionalText(field, maxLength)
        .orElseThrow(() -> ApiException.invalid("'" + field + "' is required."));
  }

  public Optional<String> optionalText(String field, int maxLength) {
    var value = json.getValue(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw ApiException.invalid("'" + field + "' must be a string.");
    }
    requirePrintable(field, text);
    var trimmed = text.strip();
    if (trimmed.length() > maxLength) {
      throw ApiException.invalid("'" + field + "' must be at most " + maxLength + " characters.");
    }
    return trimmed.isEmpty() ? Optional.empty() : Optional.of(trimmed);
  }

  /** A secret is taken exactly as sent: leading or trailing spaces are part of a password. */
  public String requiredSecret(String field, int minLength, int maxLength) {
    var value = json.getValue(field);
    if (!(value instanceof String text) || text.isEmpty()) {
      throw ApiException.invalid("'" + field + "' is required.");
    }
    if (text.length() < minLength || text.length() > maxLength) {
      throw ApiException.invalid(
          "'" + field + "' must be " + minLength + " to " + maxLength + " characters.");
    }
    requirePrintable(field, text);
    return text;
  }

  /**
   * Control characters other than tab and newline are refused in every text a person sends: NUL
   * cannot be stored by Postgres, and the rest only hide or garble what a colleague or patron
   * reads.
   */
  private static void requirePrintable(String field, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) {
        throw ApiException.invalid("'" + field + "' must not contain control characters.");
      }
    }
  }

  public String matching(String field, Pattern pattern, String rule) {
    var value = requiredText(field, 200);
    if (!pattern.matcher(value).matches()) {
      throw ApiException.invalid("'" + field + "' " + rule + ".");
    }
    return value;
  }

  public String oneOf(String field, Set<String> allowed) {
    var value = requiredText(field, 100);
    if (!allowed.contains(value)) {
      throw ApiException.invalid(
          "'"
              + field
              + "' must be one of "
              + String.join(", ", allowed.stream().sorted().toList())
              + ".");
    }
    return value;
  }

  /** A positive whole number naming a row. */
  public long requiredId(String field) {
    var value = json.getValue(field);
    if (!(value instanceof Number n) || n.longValue() <= 0 || n.doubleValue() != n.longValue()) {
      throw ApiException.invalid("'" + field + "' must be an id.");
    }
    return n.longValue();
  }

  public List<String> textList(String field, int maxItems, int maxLength) {
    var value = json.getValue(field);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      throw ApiException.invalid("'" + field + "' must be a list of strings.");
    }
    if (array.size() > maxItems) {
      throw ApiException.invalid("'" + field + "' may hold at most " + maxItems + " items.");
    }
    var items = new ArrayList<String>();
    for (var item : array) {
      if (!(item instanceof String text) || text.isBlank() || text.length() > maxLength) {
        throw ApiException.invalid(
            "'" + field + "' must hold non-empty strings of at most " + maxLength + " characters.");
      }
      requirePrintable(field, text);
      if (!items.contains(text.strip())) {
        items.add(text.strip());
      }
    }
    return List.copyOf(items);
  }
}
