package org.refdesk.coop;

import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.web.JsonInput;

/** A co-op queue as a coordinator writes it: slug, name, language, label and badge colour. */
record CoopQueueInput(String slug, String name, JsonObject settings) {

  static final String LANGUAGE = "language";
  static final String LABEL = "label";
  static final String COLOUR = "colour";

  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final Pattern COLOUR_PATTERN = Pattern.compile(CoopLimits.COLOUR);

  /** A new queue names its slug; an edit keeps it (the slug is in widgets' pages). */
  static CoopQueueInput read(JsonInput input, boolean withSlug) {
    var slug =
        withSlug
            ? input.matching(
                "slug",
                SLUG,
                "must be lower-case letters, digits and dashes, starting with a letter or digit")
            : null;
    var name = input.requiredText("name", CoopLimits.QUEUE_NAME_CHARS);
    var language = input.json().getValue(LANGUAGE, "en");
    if (!(language instanceof String lang) || !CoopLimits.LANGUAGES.contains(lang)) {
      throw ApiException.invalid("'language' must be one of " + CoopLimits.LANGUAGES + ".");
    }
    var settings = new JsonObject().put(LANGUAGE, language);
    input
        .optionalText(LABEL, CoopLimits.LABEL_CHARS)
        .ifPresent(label -> settings.put(LABEL, label));
    var colour = input.json().getValue(COLOUR);
    if (colour != null) {
      if (!(colour instanceof String c) || !COLOUR_PATTERN.matcher(c).matches()) {
        throw ApiException.invalid("'colour' must be a colour such as #1f6feb.");
      }
      settings.put(COLOUR, colour);
    }
    return new CoopQueueInput(slug, name, settings);
  }
}
