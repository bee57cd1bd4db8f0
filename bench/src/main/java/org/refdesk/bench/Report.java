package org.refdesk.bench;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Flattens results into a three-column table: scenario, measure, value. */
final class Report {

  private Report() {}

  static List<List<String>> rows(String scenario, JsonObject result) {
    var rows = new ArrayList<List<String>>();
    flatten(scenario, "", result, rows);
    return rows;
  }

  private static void flatten(
      String scenario, String prefix, JsonObject object, List<List<String>> rows) {
    for (var name : object.fieldNames()) {
      var value = object.getValue(name);
      if (value instanceof JsonObject nested) {
        flatten(scenario, prefix + name + ".", nested, rows);
      } else {
        rows.add(List.of(scenario, prefix + name, String.valueOf(value)));
      }
    }
  }

  static String table(List<List<String>> rows) {
    int[] widths = {8, 8, 5};
    for (var row : rows) {
      for (int i = 0; i < 3; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    var out = new StringBuilder();
    var format = "| %-" + widths[0] + "s | %-" + widths[1] + "s | %" + widths[2] + "s |%n";
    out.append(String.format(format, "scenario", "measure", "value"));
    out.append(
        String.format(format, "-".repeat(widths[0]), "-".repeat(widths[1]), "-".repeat(widths[2])));
    rows.forEach(row -> out.append(String.format(format, row.get(0), row.get(1), row.get(2))));
    return out.toString();
  }
}
