package org.refdesk.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.List;

/**
 * One figure's rows as the aggregate returned them: column names (snake_case, as in SQL and in the
 * CSV header) and plain values (numbers, text, null).
 */
record Table(List<String> columns, List<List<Object>> rows) {

  static Table of(RowSet<Row> rowSet) {
    var columns = rowSet.columnsNames();
    var rows = new ArrayList<List<Object>>();
    for (var row : rowSet) {
      var values = new ArrayList<Object>(columns.size());
      for (int i = 0; i < columns.size(); i++) {
        values.add(row.getValue(i));
      }
      rows.add(values);
    }
    return new Table(List.copyOf(columns), rows);
  }

  /** The rows as objects with camelCase names; a single figure is its one row. */
  Object toJson(boolean single) {
    var objects = new JsonArray();
    for (var row : rows) {
      var object = new JsonObject();
      for (int i = 0; i < columns.size(); i++) {
        object.put(camel(columns.get(i)), row.get(i));
      }
      objects.add(object);
    }
    if (single) {
      return objects.isEmpty() ? new JsonObject() : objects.getJsonObject(0);
    }
    return objects;
  }

  static String camel(String column) {
    var out = new StringBuilder(column.length());
    boolean upper = false;
    for (char ch : column.toCharArray()) {
      if (ch == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(ch) : ch);
        upper = false;
      }
    }
    return out.toString();
  }
}
