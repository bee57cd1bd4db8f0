package org.refdesk.report;

import java.util.List;

/**
 * CSV as RFC 4180 writes it (CRLF lines, a field with a comma, quote or line break in quotes, a
 * quote doubled), made safe for spreadsheets: text that starts like a formula (=, +, -, @, tab or
 * carriage return) gets a leading apostrophe, so Excel and LibreOffice show it rather than run it.
 * Numbers are written as they are: a negative number is not a formula.
 */
final class Csv {

  /** The byte order mark Excel needs to read a CSV as UTF-8 rather than the machine's code page. */
  static final String BOM = "\uFEFF";

  private Csv() {}

  static void line(StringBuilder out, List<?> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      cell(out, cells.get(i));
    }
    out.append("\r\n");
  }

  static void cell(StringBuilder out, Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
      return;
    }
    var text = value.toString();
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.indexOf(',') >= 0
        || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0) {
      out.append('"').append(text.replace("\"", "\"\"")).append('"');
    } else {
      out.append(text);
    }
  }

  static String of(Table table) {
    var out = new StringBuilder(BOM);
    line(out, table.columns());
    for (var row : table.rows()) {
      line(out, row);
    }
    return out.toString();
  }
}
