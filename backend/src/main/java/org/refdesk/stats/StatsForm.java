package org.refdesk.stats;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;

/**
 * A library's statistics form: its fields in order. Reading one checks it whole (an admin's form is
 * refused, never half-kept), and the form checks the values of an entry against itself.
 */
record StatsForm(List<Field> fields) {

  static final String QUESTION_TYPE = "questionType";
  static final String LOCATION = "location";
  static final String MODE = "mode";
  static final String REFERRED_BY = "referredBy";
  static final String NOTES = "notes";

  /** The keys stored in the entry's own columns; any other key is a custom field. */
  static final Set<String> BUILT_IN = Set.of(QUESTION_TYPE, LOCATION, MODE, REFERRED_BY, NOTES);

  static final Set<String> KINDS = Set.of("choice", "text", "number");

  /** A custom field's key: lower case letters, digits and hyphens, starting with a letter. */
  static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]*");

  /** The mode a chat's entry always has, whatever the form offers. */
  static final String CHAT_MODE = "chat";

  record Field(String key, String kind, String label, boolean required, List<String> choices) {

    JsonObject toJson() {
      return new JsonObject()
          .put("key", key)
          .put("kind", kind)
          .put("label", label)
          .put("required", required)
          .put("choices", new JsonArray(new ArrayList<>(choices)));
    }

    int maxChars() {
      if (NOTES.equals(key)) {
        return StatsLimits.NOTES_CHARS;
      }
      return MODE.equals(key) ? StatsLimits.MODE_CHARS : StatsLimits.TEXT_CHARS;
    }
  }

  /** The form of a library that has not made its own. */
  static final StatsForm DEFAULT =
      new StatsForm(
          List.of(
              new Field(
                  QUESTION_TYPE,
                  "choice",
                  "Question type",
                  true,
                  List.of(
                      "Directional",
                      "Ready reference",
                      "Research",
                      "Technical",
                      "Policy or account",
                      "Other")),
              new Field(
                  MODE, "choice", "Mode", true, List.of("chat", "in person", "phone", "e-mail")),
              new Field(
                  LOCATION,
                  "choice",
                  "Location",
                  false,
                  List.of("Main desk", "Branch", "Off site", "Online")),
              new Field(REFERRED_BY, "text", "Referred by", false, List.of()),
              new Field(NOTES, "text", "Notes", false, List.of())));

  JsonArray toJson() {
    var array = new JsonArray();
    fields.forEach(field -> array.add(field.toJson()));
    return array;
  }

  /** Reads and checks an admin's form; fails with 400 saying what is wrong and where. */
  static StatsForm parse(Object value) {
    if (!(value instanceof JsonArray array)) {
      throw ApiException.invalid("'fields' must be a list of fields.");
    }
    if (array.isEmpty() || array.size() > StatsLimits.FIELDS) {
      throw ApiException.invalid("'fields' must hold 1 to " + StatsLimits.FIELDS + " fields.");
    }
    var fields = new ArrayList<Field>();
    var keys = new HashSet<String>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof JsonObject json)) {
        throw ApiException.invalid("Field " + (i + 1) + " must be an object.");
      }
      var field = field(json, i + 1);
      if (!keys.add(field.key())) {
        throw ApiException.invalid("Two fields have the key '" + field.key() + "'.");
      }
      fields.add(field);
    }
    var mode = fields.stream().filter(f -> MODE.equals(f.key())).findFirst();
    if (mode.isEmpty() || !mode.get().required()) {
      throw ApiException.invalid(
          "The form needs the field 'mode', required: every entry says how the question came.");
    }
    return new StatsForm(List.copyOf(fields));
  }

  private static Field field(JsonObject json, int place) {
    var where = "Field " + place;
    var key = text(json, "key", StatsLimits.KEY_CHARS, where);
    if (!BUILT_IN.contains(key) && !SLUG.matcher(key).matches()) {
      throw ApiException.invalid(
          where
              + ": the key '"
              + key
              + "' must be one of "
              + String.join(", ", BUILT_IN.stream().sorted().toList())
              + " or lower-case letters, digits and hyphens, starting with a letter.");
    }
    where = "Field '" + key + "'";
    var kind = text(json, "kind", 10, where);
    if (!KINDS.contains(kind)) {
      throw ApiException.invalid(where + ": 'kind' must be choice, text or number.");
    }
    if (BUILT_IN.contains(key) && "number".equals(kind)) {
      throw ApiException.invalid(where + ": a built-in field is a choice or a text.");
    }
    if (NOTES.equals(key) && !"text".equals(kind)) {
      throw ApiException.invalid(where + ": notes are a text.");
    }
    var label = text(json, "label", StatsLimits.LABEL_CHARS, where);
    var required = json.getValue("required", false);
    if (!(required instanceof Boolean)) {
      throw ApiException.invalid(where + ": 'required' must be true or false.");
    }
    var choices = choices(json.getValue("choices"), "choice".equals(kind), where);
    return new Field(key, kind, label, (Boolean) required, choices);
  }

  private static List<String> choices(Object value, boolean needed, String where) {
    if (!needed) {
      return List.of();
    }
    if (!(value instanceof JsonArray array) || array.isEmpty()) {
      throw ApiException.invalid(where + ": a choice field needs its choices.");
    }
    if (array.size() > StatsLimits.CHOICES) {
      throw ApiException.invalid(where + ": at most " + StatsLimits.CHOICES + " choices.");
    }
    var choices = new ArrayList<String>();
    for (var item : array) {
      if (!(item instanceof String text)
          || text.isBlank()
          || text.strip().length() > StatsLimits.CHOICE_CHARS
          || hasControl(text)) {
        throw ApiException.invalid(
            where + ": each choice is a text of 1 to " + StatsLimits.CHOICE_CHARS + " characters.");
      }
      if (choices.contains(text.strip())) {
        throw ApiException.invalid(where + ": the choice '" + text.strip() + "' is there twice.");
      }
      choices.add(text.strip());
    }
    return List.copyOf(choices);
  }

  private static String text(JsonObject json, String name, int max, String where) {
    if (!(json.getValue(name) instanceof String text)
        || text.isBlank()
        || text.strip().length() > max
        || hasControl(text)) {
      throw ApiException.invalid(
          where + ": '" + name + "' must be a text of 1 to " + max + " characters.");
    }
    return text.strip();
  }

  private static boolean hasControl(String text) {
    return text.chars().anyMatch(c -> (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f);
  }

  /**
   * Checks an entry's values against the form: each known key, its kind and choices, and every
   * required field present. {@code chat}: the entry of a chat, whose mode is the server's "chat".
   * Fails with 400 {@code invalid}, naming each field in {@code fields}, before anything is stored.
   */
  Map<String, Object> check(Object given, boolean chat) {
    if (given != null && !(given instanceof JsonObject)) {
      throw ApiException.invalid("'values' must be an object of field keys and values.");
    }
    var values = given == null ? new JsonObject() : (JsonObject) given;
    var known = new HashSet<String>();
    fields.forEach(field -> known.add(field.key()));
    for (var key : values.fieldNames()) {
      if (!known.contains(key) && !(chat && MODE.equals(key))) {
        throw refused(Map.of(key, "The form has no field '" + key + "'."));
      }
    }
    var checked = new LinkedHashMap<String, Object>();
    var problems = new LinkedHashMap<String, String>();
    var missing = new ArrayList<String>();
    for (var field : fields) {
      if (chat && MODE.equals(field.key())) {
        checked.put(MODE, CHAT_MODE);
        continue;
      }
      var value = value(field, values.getValue(field.key()), problems);
      if (value == null) {
        if (field.required() && !problems.containsKey(field.key())) {
          problems.put(field.key(), field.label() + " is required.");
          missing.add(field.label());
        }
      } else {
        checked.put(field.key(), value);
      }
    }
    if (chat) {
      checked.put(MODE, CHAT_MODE);
    }
    if (!problems.isEmpty()) {
      throw refused(problems, missing);
    }
    return checked;
  }

  private static Object value(Field field, Object value, Map<String, String> problems) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    switch (field.kind()) {
      case "number" -> {
        if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
          return n;
        }
        problems.put(field.key(), field.label() + " must be a number.");
        return null;
      }
      case "choice" -> {
        if (value instanceof String s && field.choices().contains(s.strip())) {
          return s.strip();
        }
        problems.put(field.key(), field.label() + " must be one of its choices.");
        return null;
      }
      default -> {
        if (!(value instanceof String s) || hasControl(s)) {
          problems.put(field.key(), field.label() + " must be a text.");
          return null;
        }
        if (s.strip().length() > field.maxChars()) {
          problems.put(
              field.key(), field.label() + " must be at most " + field.maxChars() + " characters.");
          return null;
        }
        return s.strip();
      }
    }
  }

  private static ApiException refused(Map<String, String> problems) {
    return refused(problems, List.of());
  }

  private static ApiException refused(Map<String, String> problems, List<String> missing) {
    var fields = new JsonObject();
    problems.forEach(fields::put);
    var message =
        missing.size() == problems.size()
            ? "Required: " + String.join(", ", missing) + "."
            : String.join(" ", problems.values());
    return new ApiException(ErrorCode.INVALID, message, new JsonObject().put("fields", fields));
  }
}
