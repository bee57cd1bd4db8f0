package org.refdesk.report;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.web.OperatorGate;
import org.refdesk.platform.web.Responses;

/**
 * The report routes: every figure for the filters as one JSON answer, each figure's rows as CSV,
 * and the statistics entries themselves as CSV, streamed from a cursor.
 */
final class ReportRoutes {

  private static final String CSV_TYPE = "text/csv; charset=utf-8";

  /** The entries' own columns, in the CSV's order; the custom fields follow. */
  private static final List<String> ENTRY_COLUMNS =
      List.of(
          "id",
          "date",
          "time",
          "chat_id",
          "queue",
          "operator",
          "mode",
          "question_type",
          "location",
          "referred_by",
          "duration_seconds",
          "wait_seconds",
          "notes");

  private final ReportService service;

  ReportRoutes(ReportService service) {
    this.service = service;
  }

  void mount(Router router, Handler<RoutingContext> gate) {
    router.get("/api/reports").handler(gate).handler(this::figures);
    router.get("/api/reports/statistics-entries.csv").handler(gate).handler(this::entries);
    router.get("/api/reports/:file").handler(gate).handler(this::figureCsv);
  }

  private void figures(RoutingContext ctx) {
    var request = request(ctx);
    service
        .filter(OperatorGate.caller(ctx), request)
        .compose(service::all)
        .onSuccess(report -> Responses.ok(ctx, report))
        .onFailure(ctx::fail);
  }

  private void figureCsv(RoutingContext ctx) {
    var file = ctx.pathParam("file");
    var figure =
        Optional.of(file)
            .filter(name -> name.endsWith(".csv"))
            .flatMap(name -> Figure.byFile(name.substring(0, name.length() - 4)))
            .orElseThrow(() -> ApiException.notFound("No such report."));
    var request = request(ctx);
    service
        .filter(OperatorGate.caller(ctx), request)
        .compose(
            filter ->
                service
                    .figure(filter, figure)
                    .map(table -> csvHeaders(ctx, figure.file(), filter).end(Csv.of(table))))
        .onFailure(ctx::fail);
  }

  private void entries(RoutingContext ctx) {
    var request = request(ctx);
    service
        .filter(OperatorGate.caller(ctx), request)
        .compose(
            filter ->
                service.entries(filter, (fields, rows) -> streamEntries(ctx, filter, fields, rows)))
        .onFailure(
            failure -> {
              if (ctx.response().headWritten()) {
                // Half a file is worse than none: the client sees the download fail.
                ctx.response().reset();
              } else {
                ctx.fail(failure);
              }
            });
  }

  /**
   * Writes the header line, then the entries as the cursor yields them, a few hundred lines per
   * write, pausing the cursor while the client is slower than the database.
   */
  private static Future<Void> streamEntries(
      RoutingContext ctx,
      ReportFilter filter,
      List<ReportRepository.CustomField> fields,
      RowStream<Row> rows) {
    Promise<Void> done = Promise.promise();
    var response = csvHeaders(ctx, "statistics-entries", filter).setChunked(true);
    var heading = new ArrayList<Object>(ENTRY_COLUMNS);
    fields.forEach(field -> heading.add(field.heading()));
    var pending = new StringBuilder(Csv.BOM);
    Csv.line(pending, heading);
    int[] lines = {0};
    response.closeHandler(
        closed -> {
          rows.close();
          done.tryFail("the client went away");
        });
    rows.exceptionHandler(done::tryFail);
    rows.endHandler(
        end -> {
          response.closeHandler(null);
          response.end(pending.toString());
          done.tryComplete();
        });
    rows.handler(
        row -> {
          Csv.line(pending, entryCells(row, fields));
          if (++lines[0] % ReportLimits.LINES_PER_WRITE == 0) {
            flush(response, pending, rows);
          }
        });
    return done.future();
  }

  private static void flush(
      HttpServerResponse response, StringBuilder pending, RowStream<Row> rows) {
    response.write(pending.toString());
    pending.setLength(0);
    if (response.writeQueueFull()) {
      rows.pause();
      response.drainHandler(drained -> rows.resume());
    }
  }

  private static List<Object> entryCells(Row row, List<ReportRepository.CustomField> fields) {
    var cells = new ArrayList<Object>(ENTRY_COLUMNS.size() + fields.size());
    for (var column : ENTRY_COLUMNS) {
      cells.add(row.getValue(column));
    }
    var custom = row.getJsonObject("custom");
    for (var field : fields) {
      var value = custom == null ? null : custom.getValue(field.key());
      cells.add(
          value instanceof String || value instanceof Number || value == null
              ? value
              : value.toString());
    }
    return cells;
  }

  private static HttpServerResponse csvHeaders(
      RoutingContext ctx, String name, ReportFilter filter) {
    var filename = "refdesk-" + name + "-" + filter.from() + "-to-" + filter.to() + ".csv";
    return ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, CSV_TYPE)
        .putHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
  }

  private static ReportService.Request request(RoutingContext ctx) {
    return new ReportService.Request(date(ctx, "from"), date(ctx, "to"), queue(ctx));
  }

  private static Optional<LocalDate> date(RoutingContext ctx, String name) {
    var raw = ctx.queryParams().get(name);
    if (raw == null || raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      var date = LocalDate.parse(raw);
      if (date.getYear() >= 1900 && date.getYear() <= 9999) {
        return Optional.of(date);
      }
    } catch (DateTimeParseException e) {
      // reported below, like a date out of range
    }
    throw ApiException.invalid("'" + name + "' must be a date such as 2026-03-31.");
  }

  private static Optional<Long> queue(RoutingContext ctx) {
    var raw = ctx.queryParams().get("queue");
    if (raw == null || raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      long id = Long.parseLong(raw);
      if (id > 0) {
        return Optional.of(id);
      }
    } catch (NumberFormatException e) {
      // reported below, like a negative id
    }
    throw ApiException.invalid("'queue' must be a queue's id.");
  }
}
