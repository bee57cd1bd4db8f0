package org.refdesk.widget;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.refdesk.chat.Chat;
import org.refdesk.chat.ChatLimits;
import org.refdesk.library.LibrarySettings;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;
import org.refdesk.ticket.PatronTickets.Field;
import org.refdesk.ticket.PatronTickets.Question;

/**
 * Reads the offline question form against the library's own fields. Every field is checked before
 * anything is refused, so the 400 names each field that is wrong ({@code error.fields}, by the
 * form's field name: {@code name}, {@code email}, {@code question}, {@code fields.<label>}) and the
 * widget can mark them all and move focus to the first.
 */
final class OfflineQuestionInput {

  private OfflineQuestionInput() {}

  static Question read(JsonObject body, JsonArray libraryFields) {
    var errors = new LinkedHashMap<String, String>();
    var name = text(body, "name", WidgetRoutes.MAX_NAME, false, errors);
    var email = text(body, "email", ChatLimits.EMAIL_CHARS, true, errors);
    if (email != null && !Chat.EMAIL.matcher(email).matches()) {
      errors.put("email", "'email' does not look like an e-mail address.");
    }
    var question = text(body, "question", ChatLimits.MESSAGE_CHARS, true, errors);
    var given = body.getValue("fields");
    if (given != null && !(given instanceof JsonObject)) {
      errors.put("fields", "'fields' must be an object of label to text.");
      given = null;
    }
    var values = given == null ? new JsonObject() : (JsonObject) given;
    var fields = answers(values, libraryFields, errors);
    if (!errors.isEmpty()) {
      throw refusal(errors);
    }
    return new Question(name, email, question, fields);
  }

  /**
   * The patron's answers to a queue's pre-chat fields ({@code fields}: label to text), checked the
   * same way as the offline form's; the 400 names each wrong one as {@code fields.<label>}.
   */
  static JsonArray prechatAnswers(JsonObject body, JsonArray queueFields) {
    var errors = new LinkedHashMap<String, String>();
    var given = body.getValue("fields");
    if (given != null && !(given instanceof JsonObject)) {
      throw ApiException.invalid("'fields' must be an object of label to text.");
    }
    var answers =
        answers(given == null ? new JsonObject() : (JsonObject) given, queueFields, errors);
    if (!errors.isEmpty()) {
      throw refusal(errors);
    }
    var stored = new JsonArray();
    answers.forEach(
        a -> stored.add(new JsonObject().put("label", a.label()).put("value", a.value())));
    return stored;
  }

  private static ArrayList<Field> answers(
      JsonObject values, JsonArray specs, Map<String, String> errors) {
    var fields = new ArrayList<Field>();
    for (var item : specs) {
      var spec = (JsonObject) item;
      var label = spec.getString("label");
      var key = "fields." + label;
      String value;
      try {
        value = text(values, label, spec.getInteger("maxChars"), false, null);
      } catch (ApiException wrong) {
        errors.put(key, wrong.getMessage());
        continue;
      }
      if (value != null) {
        fields.add(new Field(label, value));
      } else if (spec.getBoolean("required")) {
        errors.put(key, "'" + label + "' is required.");
      }
    }
    return fields;
  }

  /**
   * The field's text, trimmed, or null when absent or blank; a wrong one is noted in {@code errors}
   * (or thrown when there is no map to note it in).
   */
  private static String text(
      JsonObject body, String field, int maxChars, boolean required, Map<String, String> errors) {
    var value = body.getValue(field);
    String problem = null;
    String text = null;
    if (value != null && !(value instanceof String)) {
      problem = "'" + field + "' must be text.";
    } else if (value != null) {
      text = ((String) value).strip();
      if (text.chars().anyMatch(c -> (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)) {
        problem = "'" + field + "' must not contain control characters.";
      } else if (text.length() > maxChars) {
        problem = "'" + field + "' must be at most " + maxChars + " characters.";
      } else if (text.isEmpty()) {
        text = null;
      }
    }
    if (problem == null && text == null && required && errors != null) {
      problem = "'" + field + "' is required.";
    }
    if (problem != null) {
      if (errors == null) {
        throw ApiException.invalid(problem);
      }
      errors.put(field, problem);
      return null;
    }
    return text;
  }

  private static ApiException refusal(Map<String, String> errors) {
    var fields = new JsonObject();
    errors.forEach(fields::put);
    return new ApiException(
        ErrorCode.INVALID,
        errors.values().iterator().next(),
        new JsonObject().put("fields", fields));
  }

  /** The library's fields as the widget's form shows them. */
  static JsonArray formFields(JsonObject librarySettings) {
    var fields = librarySettings.getJsonArray(LibrarySettings.OFFLINE_FIELDS);
    return fields == null ? new JsonArray() : fields;
  }
}
