package org.refdesk.rota;

/**
 * The SQL of {@link RotaRepository}: weekly shifts, their exceptions, the overlap checks, and the
 * empty-shift sweep. Every statement is scoped by library, so another library's row is never read
 * or changed.
 */
final class RotaSql {

  private RotaSql() {}

  private static final String SHIFT_COLUMNS =
      """
      s.id, s.library_id, s.queue_id, q.name AS queue_name, s.operator_id,
      o.display_name AS operator_name, s.weekday, s.starts, s.ends, s.valid_from, s.valid_to
      """;

  private static final String EXCEPTION_COLUMNS =
      """
      x.id, x.library_id, x.kind, x.on_date, x.shift_id, x.operator_id,
      o.display_name AS operator_name, x.queue_id, q.name AS queue_name, x.starts, x.ends, x.note
      """;

  /** $1 library, $2 first day, $3 last day, $4 operator or null for everyone. */
  static final String SHIFTS_IN_RANGE =
      "SELECT "
          + SHIFT_COLUMNS
          + """
            FROM shifts s
            JOIN queues q ON q.id = s.queue_id
            JOIN operators o ON o.id = s.operator_id
           WHERE s.library_id = $1
             AND s.valid_from <= $3 AND (s.valid_to IS NULL OR s.valid_to >= $2)
             AND ($4::bigint IS NULL OR s.operator_id = $4)
           ORDER BY s.weekday, s.starts, s.id
          """;

  static final String SHIFT_BY_ID =
      "SELECT "
          + SHIFT_COLUMNS
          + """
            FROM shifts s
            JOIN queues q ON q.id = s.queue_id
            JOIN operators o ON o.id = s.operator_id
           WHERE s.library_id = $1 AND s.id = $2
          """;

  /** $1 library, $2 first day, $3 last day, $4 operator or null for everyone. */
  static final String EXCEPTIONS_IN_RANGE =
      "SELECT "
          + EXCEPTION_COLUMNS
          + """
            FROM shift_exceptions x
            JOIN operators o ON o.id = x.operator_id
            LEFT JOIN queues q ON q.id = x.queue_id
           WHERE x.library_id = $1 AND x.on_date BETWEEN $2 AND $3
             AND ($4::bigint IS NULL OR x.operator_id = $4)
           ORDER BY x.on_date, x.starts, x.id
          """;

  static final String EXCEPTION_BY_ID =
      "SELECT "
          + EXCEPTION_COLUMNS
          + """
            FROM shift_exceptions x
            JOIN operators o ON o.id = x.operator_id
            LEFT JOIN queues q ON q.id = x.queue_id
           WHERE x.library_id = $1 AND x.id = $2
          """;

  /**
   * Overlapping changes for one operator wait for each other, so two cannot both pass the check.
   */
  static final String LOCK_OPERATOR =
      "SELECT pg_advisory_xact_lock(hashtext('rota'), ($1::bigint % 2147483647)::int)";

  /**
   * Another weekly shift of the operator on the weekday whose times and dates overlap: $1 operator,
   * $2 weekday, $3 starts, $4 ends, $5 valid from, $6 valid to or null, $7 the shift itself or 0.
   */
  static final String WEEKLY_OVERLAP =
      """
      SELECT EXISTS (
        SELECT 1 FROM shifts s
         WHERE s.operator_id = $1 AND s.weekday = $2 AND s.id <> $7
           AND s.starts < $4 AND $3 < s.ends
           AND s.valid_from <= coalesce($6, 'infinity'::date)
           AND $5 <= coalesce(s.valid_to, 'infinity'::date)
      ) AS overlaps
      """;

  /**
   * Anything the operator is rostered for on the date that overlaps the times: a weekly shift not
   * taken off that day, or another extra shift. $1 operator, $2 date, $3 starts, $4 ends.
   */
  static final String DAY_OVERLAP =
      """
      SELECT EXISTS (
        SELECT 1 FROM shifts s
         WHERE s.operator_id = $1 AND s.weekday = extract(isodow FROM $2::date)
           AND s.valid_from <= $2 AND (s.valid_to IS NULL OR s.valid_to >= $2)
           AND s.starts < $4 AND $3 < s.ends
           AND NOT EXISTS (SELECT 1 FROM shift_exceptions x
                            WHERE x.kind = 'off' AND x.shift_id = s.id AND x.on_date = $2)
        UNION ALL
        SELECT 1 FROM shift_exceptions x
         WHERE x.operator_id = $1 AND x.kind = 'extra' AND x.on_date = $2
           AND x.starts < $4 AND $3 < x.ends
      ) AS overlaps
      """;

  static final String INSERT_SHIFT =
      """
      INSERT INTO shifts (library_id, queue_id, operator_id, weekday, starts, ends, valid_from, valid_to)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id
      """;

  static final String UPDATE_SHIFT =
      """
      UPDATE shifts SET queue_id = $3, operator_id = $4, weekday = $5, starts = $6, ends = $7,
                        valid_from = $8, valid_to = $9
       WHERE library_id = $1 AND id = $2 RETURNING id
      """;

  static final String DELETE_SHIFT = "DELETE FROM shifts WHERE library_id = $1 AND id = $2";

  static final String INSERT_EXCEPTION =
      """
      INSERT INTO shift_exceptions
             (library_id, kind, on_date, shift_id, operator_id, queue_id, starts, ends, note, created_by)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
      ON CONFLICT DO NOTHING RETURNING id
      """;

  static final String DELETE_EXCEPTION =
      "DELETE FROM shift_exceptions WHERE library_id = $1 AND id = $2";

  static final String OPERATOR_IN_LIBRARY =
      """
      SELECT display_name FROM operators WHERE library_id = $1 AND id = $2 AND disabled_at IS NULL
      """;

  static final String QUEUE_IN_LIBRARY =
      "SELECT name FROM queues WHERE library_id = $1 AND id = $2";

  static final String LIBRARY_QUEUES =
      "SELECT id, name FROM queues WHERE library_id = $1 ORDER BY name, id";

  static final String LIBRARY_OPERATORS =
      """
      SELECT id, display_name AS name FROM operators
       WHERE library_id = $1 AND disabled_at IS NULL ORDER BY display_name, id
      """;

  static final String LIBRARY_TIMEZONE = "SELECT timezone FROM libraries WHERE id = $1";

  /**
   * Shift occurrences of today (in each library's time zone) that started at least the library's
   * {@code emptyShiftAlertMinutes} ago ($1 when unset or not a number, so one library's bad setting
   * cannot stop the sweep for all), have not ended, and were not alerted yet: weekly shifts not
   * taken off that day, and extra shifts. The same expansion as {@code RotaCalendar}, written in
   * SQL so one statement serves every library at once.
   */
  static final String DUE_FOR_CHECK =
      """
      WITH lib AS (
        SELECT id, timezone, (now() AT TIME ZONE timezone)::date AS today,
               CASE WHEN jsonb_typeof(settings -> 'emptyShiftAlertMinutes') = 'number'
                    THEN least(greatest((settings ->> 'emptyShiftAlertMinutes')::numeric, 0), 1440)::int
                    ELSE $1 END AS after_minutes
          FROM libraries
      ), occurrences AS (
        SELECT 'w' || s.id || ':' || lib.today AS occurrence, s.library_id, s.queue_id, s.operator_id,
               (lib.today + s.starts) AT TIME ZONE lib.timezone AS starts_at,
               (lib.today + s.ends) AT TIME ZONE lib.timezone AS ends_at,
               s.starts, s.ends, lib.today AS on_date, lib.after_minutes
          FROM shifts s JOIN lib ON lib.id = s.library_id
         WHERE s.weekday = extract(isodow FROM lib.today)
           AND s.valid_from <= lib.today AND (s.valid_to IS NULL OR s.valid_to >= lib.today)
           AND NOT EXISTS (SELECT 1 FROM shift_exceptions x
                            WHERE x.kind = 'off' AND x.shift_id = s.id AND x.on_date = lib.today)
        UNION ALL
        SELECT 'x' || x.id, x.library_id, x.queue_id, x.operator_id,
               (x.on_date + x.starts) AT TIME ZONE lib.timezone,
               (x.on_date + x.ends) AT TIME ZONE lib.timezone,
               x.starts, x.ends, x.on_date, lib.after_minutes
          FROM shift_exceptions x JOIN lib ON lib.id = x.library_id
         WHERE x.kind = 'extra' AND x.on_date = lib.today
      )
      SELECT oc.occurrence, oc.library_id, oc.queue_id, q.name AS queue_name, oc.operator_id,
             o.display_name AS operator_name, oc.starts_at, oc.starts, oc.ends, oc.on_date
        FROM occurrences oc
        JOIN queues q ON q.id = oc.queue_id
        JOIN operators o ON o.id = oc.operator_id
       WHERE oc.starts_at <= now() - make_interval(mins => oc.after_minutes)
         AND oc.ends_at > now()
         AND NOT EXISTS (SELECT 1 FROM shift_alerts a WHERE a.occurrence = oc.occurrence)
       ORDER BY oc.starts_at
       LIMIT $2
      """;

  /** Marks the occurrence alerted; only the node whose insert lands announces it. */
  static final String MARK_ALERTED =
      """
      INSERT INTO shift_alerts (occurrence, library_id, queue_id, operator_id, starts_at)
      VALUES ($1, $2, $3, $4, $5) ON CONFLICT (occurrence) DO NOTHING RETURNING occurrence
      """;
}
