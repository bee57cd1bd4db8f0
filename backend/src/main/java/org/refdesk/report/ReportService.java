package org.refdesk.report;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.refdesk.platform.bus.Identity;
import org.refdesk.platform.errors.ApiException;

/**
 * The reports' rules: every operator of a library sees its figures (all operators', not only their
 * own); a range is whole days in the library's time zone, the last 30 unless asked, at most 400.
 */
final class ReportService {

  /** The range and queue a request asked for, before the library's defaults fill them in. */
  record Request(Optional<LocalDate> from, Optional<LocalDate> to, Optional<Long> queueId) {}

  private final ReportRepository repository;

  ReportService(ReportRepository repository) {
    this.repository = repository;
  }

  /** The filter for the caller's library, or a 400 saying what is wrong with the request. */
  Future<ReportFilter> filter(Identity caller, Request request) {
    var queueId = request.queueId().orElse(null);
    return repository
        .context(caller.libraryId(), queueId)
        .map(
            found -> {
              var context = found.orElseThrow(() -> ApiException.notFound("No such library."));
              if (!context.queueKnown()) {
                throw ApiException.invalid("'queue' is not one of the library's queues.");
              }
              var today = LocalDate.now(zone(context.timezone()));
              var to = request.to().orElse(today);
              var from = request.from().orElse(to.minusDays(ReportLimits.DEFAULT_DAYS - 1L));
              if (from.isAfter(to)) {
                throw ApiException.invalid("'from' must be on or before 'to'.");
              }
              if (ChronoUnit.DAYS.between(from, to) + 1 > ReportLimits.MAX_DAYS) {
                throw ApiException.invalid(
                    "A report covers at most " + ReportLimits.MAX_DAYS + " days.");
              }
              return new ReportFilter(caller.libraryId(), from, to, queueId, context.timezone());
            });
  }

  /** Every figure for the filter, each its own query, all asked at once. */
  Future<JsonObject> all(ReportFilter filter) {
    long started = System.nanoTime();
    var figures = Arrays.asList(Figure.values());
    var tables = figures.stream().map(figure -> repository.figure(figure, filter)).toList();
    return Future.all(tables)
        .map(
            done -> {
              var json = new JsonObject();
              for (int i = 0; i < figures.size(); i++) {
                var figure = figures.get(i);
                json.put(figure.key(), tables.get(i).result().toJson(figure.single()));
              }
              return filter
                  .toJson()
                  .put("figures", json)
                  .put("queryMillis", (System.nanoTime() - started) / 1_000_000);
            });
  }

  Future<Table> figure(ReportFilter filter, Figure figure) {
    return repository.figure(figure, filter);
  }

  /** The range's statistics entries, streamed to {@code work} (see {@link ReportRepository}). */
  <T> Future<T> entries(
      ReportFilter filter,
      BiFunction<List<ReportRepository.CustomField>, RowStream<Row>, Future<T>> work) {
    return repository.entries(filter, work);
  }

  private static ZoneId zone(String timezone) {
    try {
      return ZoneId.of(timezone);
    } catch (DateTimeException e) {
      return ZoneId.of("UTC");
    }
  }
}
