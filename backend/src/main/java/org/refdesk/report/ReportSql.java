package org.refdesk.report;

/**
 * The reports' SQL: one aggregate per figure, every one over the same filters. $1 the library, $2
 * and $3 the first and last day (dates in the library's time zone, both included), $4 the queue or
 * null for all, $5 the library's time zone. Each figure starts from {@link #CHATS} so every
 * statement names all five parameters and counts the same chats the same way.
 */
final class ReportSql {

  private ReportSql() {}

  /**
   * The chats that arrived in the range, with what every figure asks of one: its local time, its
   * outcome and its wait. Answered: an operator claimed it. Missed: nobody claimed it and the
   * patron was gone (it may have been ended since). Abandoned: the patron ended it before anyone
   * answered. Open: still waiting now.
   */
  private static final String CHATS =
      """
      WITH c AS (
        SELECT c.id, c.queue_id, c.owner_id, c.claimed_at, c.ended_at,
               c.created_at AT TIME ZONE $5::text AS local_at,
               c.claimed_at IS NOT NULL AS answered,
               c.claimed_at IS NULL AND (c.state = 'missed' OR c.missed_at IS NOT NULL) AS missed,
               c.claimed_at IS NULL AND c.missed_at IS NULL AND c.state = 'ended' AS abandoned,
               extract(epoch FROM c.claimed_at - c.created_at)::float8 AS wait_seconds
          FROM chats c
         WHERE c.library_id = $1
           AND c.created_at >= ($2::date)::timestamp AT TIME ZONE $5::text
           AND c.created_at < ($3::date + 1)::timestamp AT TIME ZONE $5::text
           AND ($4::bigint IS NULL OR c.queue_id = $4)
      )
      """;

  /** Arrivals, answered and missed per day of the range, days without chats included. */
  static final String DAILY =
      CHATS
          + """
          , per_day AS (
            SELECT local_at::date AS day, count(*) AS arrivals,
                   count(*) FILTER (WHERE answered) AS answered,
                   count(*) FILTER (WHERE missed) AS missed
              FROM c GROUP BY 1
          )
          SELECT to_char(d.day, 'YYYY-MM-DD') AS day,
                 coalesce(p.arrivals, 0) AS arrivals,
                 coalesce(p.answered, 0) AS answered,
                 coalesce(p.missed, 0) AS missed
            FROM generate_series($2::date, $3::date, interval '1 day') AS d(day)
            LEFT JOIN per_day p ON p.day = d.day::date
           ORDER BY d.day
          """;

  /** The same per week (weeks start on Monday; the first and last may be cut by the range). */
  static final String WEEKLY =
      CHATS
          + """
          , per_week AS (
            SELECT date_trunc('week', local_at)::date AS week, count(*) AS arrivals,
                   count(*) FILTER (WHERE answered) AS answered,
                   count(*) FILTER (WHERE missed) AS missed
              FROM c GROUP BY 1
          )
          SELECT to_char(w.week, 'YYYY-MM-DD') AS week_start,
                 coalesce(p.arrivals, 0) AS arrivals,
                 coalesce(p.answered, 0) AS answered,
                 coalesce(p.missed, 0) AS missed
            FROM generate_series(date_trunc('week', $2::date), $3::date, interval '1 week') AS w(week)
            LEFT JOIN per_week p ON p.week = w.week::date
           ORDER BY w.week
          """;

  /** Arrivals and missed chats by weekday (1 Monday … 7 Sunday) and hour, all 168 cells. */
  static final String HEATMAP =
      CHATS
          + """
          , cells AS (
            SELECT extract(isodow FROM local_at)::int AS weekday,
                   extract(hour FROM local_at)::int AS hour,
                   count(*) AS arrivals, count(*) FILTER (WHERE missed) AS missed
              FROM c GROUP BY 1, 2
          )
          SELECT w.weekday, h.hour, coalesce(cells.arrivals, 0) AS arrivals,
                 coalesce(cells.missed, 0) AS missed
            FROM generate_series(1, 7) AS w(weekday)
           CROSS JOIN generate_series(0, 23) AS h(hour)
            LEFT JOIN cells ON cells.weekday = w.weekday AND cells.hour = h.hour
           ORDER BY w.weekday, h.hour
          """;

  /** How long answered chats waited, in buckets; to_seconds null for the last, open bucket. */
  static final String WAITS =
      CHATS
          + """
          , per_bucket AS (
            SELECT CASE WHEN wait_seconds < 30 THEN 0 WHEN wait_seconds < 60 THEN 30
                        WHEN wait_seconds < 120 THEN 60 WHEN wait_seconds < 300 THEN 120
                        WHEN wait_seconds < 600 THEN 300 ELSE 600 END AS from_seconds,
                   count(*) AS chats
              FROM c WHERE answered GROUP BY 1
          )
          SELECT b.from_seconds, b.to_seconds, coalesce(p.chats, 0) AS chats
            FROM (VALUES (0, 30), (30, 60), (60, 120), (120, 300), (300, 600), (600, NULL::int))
                 AS b(from_seconds, to_seconds)
            LEFT JOIN per_bucket p ON p.from_seconds = b.from_seconds
           ORDER BY b.from_seconds
          """;

  /** The answered chats' wait: median, 90th percentile and mean, in seconds to a tenth. */
  static final String WAIT_SUMMARY =
      CHATS
          + """
          SELECT count(*) AS answered,
                 round((percentile_cont(0.5) WITHIN GROUP (ORDER BY wait_seconds))::numeric, 1)::float8
                   AS median_seconds,
                 round((percentile_cont(0.9) WITHIN GROUP (ORDER BY wait_seconds))::numeric, 1)::float8
                   AS p90_seconds,
                 round(avg(wait_seconds)::numeric, 1)::float8 AS average_seconds
            FROM c WHERE answered
          """;

  /** What became of the chats: answered, missed, abandoned, still open, with the two rates. */
  static final String OUTCOMES =
      CHATS
          + """
          SELECT count(*) AS arrivals,
                 count(*) FILTER (WHERE answered) AS answered,
                 count(*) FILTER (WHERE missed) AS missed,
                 count(*) FILTER (WHERE abandoned) AS abandoned,
                 count(*) FILTER (WHERE NOT (answered OR missed OR abandoned)) AS open,
                 round(100.0 * count(*) FILTER (WHERE answered) / nullif(count(*), 0), 1)::float8
                   AS answered_percent,
                 round(100.0 * count(*) FILTER (WHERE missed) / nullif(count(*), 0), 1)::float8
                   AS missed_percent
            FROM c
          """;

  /** Per queue of the library (all of them, or the one filtered on), busiest first. */
  static final String QUEUES =
      CHATS
          + """
          SELECT q.id AS queue_id, q.name AS queue, count(c.id) AS arrivals,
                 count(c.id) FILTER (WHERE c.answered) AS answered,
                 count(c.id) FILTER (WHERE c.missed) AS missed,
                 round((percentile_cont(0.5) WITHIN GROUP (ORDER BY c.wait_seconds))::numeric, 1)::float8
                   AS median_wait_seconds
            FROM queues q
            LEFT JOIN c ON c.queue_id = q.id
           WHERE q.library_id = $1 AND ($4::bigint IS NULL OR q.id = $4)
           GROUP BY q.id, q.name
           ORDER BY arrivals DESC, q.name, q.id
          """;

  /**
   * Per operator who holds answered chats of the range (the chat's owner at the end, after any
   * transfer): how many, their median wait, mean length and mean rating.
   */
  static final String OPERATORS =
      CHATS
          + """
          SELECT o.id AS operator_id, o.display_name AS operator, count(*) AS answered,
                 round((percentile_cont(0.5) WITHIN GROUP (ORDER BY c.wait_seconds))::numeric, 1)::float8
                   AS median_wait_seconds,
                 round(avg(extract(epoch FROM c.ended_at - c.claimed_at))::numeric, 1)::float8
                   AS average_duration_seconds,
                 count(r.score) AS ratings,
                 round(avg(r.score)::numeric, 2)::float8 AS average_rating
            FROM c
            JOIN operators o ON o.id = c.owner_id
            LEFT JOIN chat_ratings r ON r.chat_id = c.id
           WHERE c.answered
           GROUP BY o.id, o.display_name
           ORDER BY answered DESC, o.display_name, o.id
          """;

  /** Chats per tag (a chat with two tags counts under both). */
  static final String TAGS =
      CHATS
          + """
          SELECT t.id AS tag_id, t.name AS tag, count(*) AS chats
            FROM c
            JOIN chat_tags ct ON ct.chat_id = c.id
            JOIN tags t ON t.id = ct.tag_id
           GROUP BY t.id, t.name
           ORDER BY chats DESC, t.name, t.id
          """;

  /**
   * Statistics entries per question type, over the entries' own time (desk interactions without a
   * chat included; with a queue filter, only entries of that queue). Null: no type recorded.
   */
  static final String QUESTION_TYPES =
      CHATS
          + """
          SELECT e.question_type, count(*) AS entries
            FROM statistics_entries e
           WHERE e.library_id = $1
             AND e.occurred_at >= ($2::date)::timestamp AT TIME ZONE $5::text
             AND e.occurred_at < ($3::date + 1)::timestamp AT TIME ZONE $5::text
             AND ($4::bigint IS NULL OR e.queue_id = $4)
           GROUP BY e.question_type
           ORDER BY entries DESC, e.question_type NULLS LAST
          """;

  /** Ratings of the range's chats per score, 1 to 5, scores nobody gave included. */
  static final String RATINGS =
      CHATS
          + """
          SELECT s.score, count(r.chat_id) AS chats
            FROM generate_series(1, 5) AS s(score)
            LEFT JOIN (SELECT r.chat_id, r.score FROM c JOIN chat_ratings r ON r.chat_id = c.id) r
                   ON r.score = s.score
           GROUP BY s.score
           ORDER BY s.score
          """;

  /** How many of the range's chats were rated, and their mean score to two places. */
  static final String RATING_SUMMARY =
      CHATS
          + """
          SELECT count(*) AS ratings, round(avg(r.score)::numeric, 2)::float8 AS average_score
            FROM c JOIN chat_ratings r ON r.chat_id = c.id
          """;

  /** The library's time zone, and whether the queue (when one is asked for) is one of its own. */
  static final String CONTEXT =
      """
      SELECT l.timezone,
             $2::bigint IS NULL OR EXISTS (SELECT 1 FROM queues q WHERE q.id = $2 AND q.library_id = l.id)
               AS queue_known
        FROM libraries l WHERE l.id = $1
      """;

  /**
   * The custom fields of the library's entries: those of its form, in its order, then keys found in
   * the range's entries that the form no longer has. The built-in keys have columns of their own.
   */
  static final String CUSTOM_FIELDS =
      CHATS
          + """
          , form AS (
            SELECT f.value ->> 'key' AS key, f.value ->> 'label' AS label, f.position
              FROM statistics_forms s, jsonb_array_elements(s.fields) WITH ORDINALITY AS f(value, position)
             WHERE s.library_id = $1
               AND f.value ->> 'key' NOT IN ('questionType', 'location', 'mode', 'referredBy', 'notes')
          ), used AS (
            SELECT DISTINCT k.key
              FROM statistics_entries e, jsonb_object_keys(e.custom) AS k(key)
             WHERE e.library_id = $1
               AND e.occurred_at >= ($2::date)::timestamp AT TIME ZONE $5::text
               AND e.occurred_at < ($3::date + 1)::timestamp AT TIME ZONE $5::text
               AND ($4::bigint IS NULL OR e.queue_id = $4)
          )
          SELECT coalesce(form.key, used.key) AS key, form.label
            FROM form FULL JOIN used ON used.key = form.key
           ORDER BY form.position NULLS LAST, coalesce(form.key, used.key)
          """;

  /** The statistics entries of the range, oldest first, for the CSV (read with a cursor). */
  static final String ENTRIES =
      CHATS
          + """
          SELECT e.id, to_char(e.occurred_at AT TIME ZONE $5::text, 'YYYY-MM-DD') AS date,
                 to_char(e.occurred_at AT TIME ZONE $5::text, 'HH24:MI') AS time,
                 e.chat_id, q.name AS queue, o.display_name AS operator, e.mode, e.question_type,
                 e.location, e.referred_by, e.duration_seconds, e.wait_seconds, e.notes, e.custom
            FROM statistics_entries e
            LEFT JOIN queues q ON q.id = e.queue_id
            JOIN operators o ON o.id = e.operator_id
           WHERE e.library_id = $1
             AND e.occurred_at >= ($2::date)::timestamp AT TIME ZONE $5::text
             AND e.occurred_at < ($3::date + 1)::timestamp AT TIME ZONE $5::text
             AND ($4::bigint IS NULL OR e.queue_id = $4)
           ORDER BY e.occurred_at, e.id
          """;
}
