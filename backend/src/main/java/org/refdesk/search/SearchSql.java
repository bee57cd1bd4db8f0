package org.refdesk.search;

import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of the searches. Each statement is put together from fixed fragments, one per filter
 * given, so Postgres plans each shape with the filters it has (a generic "$n IS NULL OR ..." would
 * hide the text index from the planner); values only ever travel as $n parameters. Public so the
 * bench can run exactly this SQL straight against Postgres as the baseline of the HTTP search.
 */
public final class SearchSql {

  private SearchSql() {}

  /** A statement and its parameters. */
  public record Statement(String sql, Tuple params) {}

  /**
   * The words as a query in both configurations the documents hold: stemmed ('english') and as
   * typed ('simple'). $n is the {@link SearchWords#tsquery()} text.
   */
  private static String words(int n) {
    return "(to_tsquery('english', $" + n + ") || to_tsquery('simple', $" + n + "))";
  }

  /** The start of day $n in the time zone of library $tz, as a timestamp. */
  private static String dayStart(int n, int tz, int plusDays) {
    return "(($"
        + n
        + "::date + "
        + plusDays
        + ")::timestamp AT TIME ZONE (SELECT timezone FROM libraries WHERE id = $"
        + tz
        + "))";
  }

  /**
   * Highlight markers: control characters no one types, taken out of the text before the headline
   * is made, so every marker in a snippet is one Postgres put there.
   */
  static final char START = '\u0002';

  static final char STOP = '\u0003';

  /**
   * Stand-ins for {@code <} and {@code >} while the headline is made: ts_headline drops what looks
   * like an HTML tag, and a snippet must show what the patron typed, {@code <script>} included.
   * {@link Snippet} puts them back; the same characters already in the text are dropped first.
   */
  static final char LESS = '\uE000';

  static final char GREATER = '\uE001';

  private static final String HEADLINE_OPTIONS =
      "'StartSel="
          + START
          + ", StopSel="
          + STOP
          + ", MaxFragments=2, MinWords=8, MaxWords=20, FragmentDelimiter=\" … \"'";

  /** The text, safe for ts_headline: no markers, angle brackets as their stand-ins. */
  private static String guarded(String text) {
    return "translate("
        + text
        + ", '<>' || chr(2) || chr(3) || chr(57344) || chr(57345), chr(57344) || chr(57345))";
  }

  private static String headline(String text, int wordsParam) {
    return "ts_headline('english', "
        + guarded(text)
        + ", "
        + words(wordsParam)
        + ", "
        + HEADLINE_OPTIONS
        + ")";
  }

  /**
   * What the filters offer, for libraries $1: their queues, their operators (those no longer active
   * too: their chats are still there) and their tags, each by name.
   */
  static final String CHOICES =
      """
      SELECT 'queue' AS kind, id, name FROM queues WHERE library_id = ANY($1)
      UNION ALL
      SELECT 'operator', id, display_name FROM operators WHERE library_id = ANY($1)
      UNION ALL
      SELECT 'tag', id, name FROM tags WHERE library_id = ANY($1)
      ORDER BY kind, name, id
      """;

  /** One page of a transcript search, with the total (counted up to a cap without words). */
  public static Statement chats(ChatQuery query) {
    var filters = chatFilters(query);
    var params = filters.params();
    params.add((query.page() - 1) * SearchLimits.PAGE_ROWS);
    int offsetAt = params.size();
    boolean ranked = filters.wordsAt() > 0;
    var rank = ranked ? "ts_rank(s.document, " + words(filters.wordsAt()) + ")" : "0::real";
    // Ranked: the newest matches up to the cap are ranked (no one pages past it, and reading every
    // match of a common word to rank it took a quarter of a second on a year of chats), so the
    // newest-first index stops early; the window counts them on the way. Newest first without
    // words: the page stops early, and a separate count stops at the cap.
    var source =
        ranked
            ? "(SELECT * FROM chat_search s WHERE "
                + filters.where()
                + " ORDER BY s.created_at DESC LIMIT "
                + (SearchLimits.COUNT_CAP + 1)
                + ") s"
            : "chat_search s WHERE " + filters.where();
    var total =
        ranked
            ? "count(*) OVER ()"
            : "(SELECT count(*) FROM (SELECT 1 FROM chat_search s WHERE "
                + filters.where()
                + " LIMIT "
                + (SearchLimits.COUNT_CAP + 1)
                + ") capped)";
    var snippet =
        ranked
            ? headline("chat_search_text(p.chat_id)", filters.wordsAt())
            : "left(" + guarded("c.question") + ", 300)";
    var sql =
        """
        SELECT p.chat_id, p.created_at, p.state, p.queue_id, q.name AS queue_name, p.owner_id,
               o.display_name AS owner_name, c.patron_name, c.ended_at, p.total,
               r.score AS rating, r.comment AS rating_comment,
               COALESCE((SELECT json_agg(t.name ORDER BY lower(t.name))
                           FROM chat_tags ct JOIN tags t ON t.id = ct.tag_id
                          WHERE ct.chat_id = p.chat_id), '[]'::json) AS tags,
               %s AS snippet
          FROM (SELECT s.chat_id, s.created_at, s.state, s.queue_id, s.owner_id,
                       %s AS rank, %s AS total
                  FROM %s
                 ORDER BY rank DESC, s.created_at DESC, s.chat_id DESC
                 LIMIT %d OFFSET $%d) p
          JOIN chats c ON c.id = p.chat_id
          JOIN queues q ON q.id = p.queue_id
          LEFT JOIN operators o ON o.id = p.owner_id
          LEFT JOIN chat_ratings r ON r.chat_id = p.chat_id
         ORDER BY p.rank DESC, p.created_at DESC, p.chat_id DESC
        """
            .formatted(snippet, rank, total, source, SearchLimits.PAGE_ROWS, offsetAt);
    return new Statement(sql, Tuple.from(params));
  }

  /** The number of matches alone (up to the cap): for a page past the last, which has no row. */
  static Statement chatsTotal(ChatQuery query) {
    var filters = chatFilters(query);
    var sql =
        "SELECT count(*) AS total FROM (SELECT 1 FROM chat_search s WHERE "
            + filters.where()
            + " LIMIT "
            + (SearchLimits.COUNT_CAP + 1)
            + ") capped";
    return new Statement(sql, Tuple.from(filters.params()));
  }

  /** The WHERE of a transcript search over chat_search s, and its parameters so far. */
  private static Filters chatFilters(ChatQuery query) {
    var params = new ArrayList<Object>();
    // One library is an equality, so the newest-first index serves the order; several (a co-op's)
    // are a list.
    var libraries = query.libraries();
    params.add(libraries.size() == 1 ? libraries.get(0) : libraries.toArray(new Long[0]));
    params.add(query.timezoneOf());
    var where = new ArrayList<String>();
    where.add(libraries.size() == 1 ? "s.library_id = $1" : "s.library_id = ANY($1)");
    int wordsAt = 0;
    if (!query.words().isEmpty()) {
      params.add(query.words().tsquery());
      wordsAt = params.size();
      where.add("s.document @@ " + words(wordsAt));
    }
    if (query.from() != null) {
      params.add(query.from());
      where.add("s.created_at >= " + dayStart(params.size(), 2, 0));
    }
    if (query.to() != null) {
      params.add(query.to());
      where.add("s.created_at < " + dayStart(params.size(), 2, 1));
    }
    if (query.queueId() != null) {
      params.add(query.queueId());
      where.add("s.queue_id = $" + params.size());
    }
    if (query.operatorId() != null) {
      params.add(query.operatorId());
      where.add("s.owner_id = $" + params.size());
    }
    if (query.state() != null) {
      params.add(query.state());
      where.add("s.state = $" + params.size());
    }
    if (query.tagId() != null) {
      params.add(query.tagId());
      where.add(
          "EXISTS (SELECT 1 FROM chat_tags ct WHERE ct.chat_id = s.chat_id AND ct.tag_id = $"
              + params.size()
              + ")");
    }
    if (query.rating() != null) {
      params.add(query.rating());
      where.add(
          "EXISTS (SELECT 1 FROM chat_ratings cr WHERE cr.chat_id = s.chat_id AND cr.score = $"
              + params.size()
              + ")");
    }
    return new Filters(String.join("\n   AND ", where), params, wordsAt);
  }

  private record Filters(String where, List<Object> params, int wordsAt) {}

  /** One page of a ticket search, with the total. */
  static Statement tickets(TicketQuery query) {
    var params = new ArrayList<Object>();
    params.add(query.libraries().toArray(new Long[0]));
    params.add(query.timezoneOf());
    var where = new ArrayList<String>();
    where.add("ts.library_id = ANY($1)");
    int wordsAt = 0;
    if (!query.words().isEmpty()) {
      params.add(query.words().tsquery());
      wordsAt = params.size();
      where.add("ts.document @@ " + words(wordsAt));
    }
    if (query.from() != null) {
      params.add(query.from());
      where.add("t.created_at >= " + dayStart(params.size(), 2, 0));
    }
    if (query.to() != null) {
      params.add(query.to());
      where.add("t.created_at < " + dayStart(params.size(), 2, 1));
    }
    if (query.status() != null) {
      params.add(query.status());
      where.add("t.status = $" + params.size());
    }
    if (query.queueId() != null) {
      params.add(query.queueId());
      where.add("t.queue_id = $" + params.size());
    }
    if (query.unassigned()) {
      where.add("t.assignee_id IS NULL");
    } else if (query.assigneeId() != null) {
      params.add(query.assigneeId());
      where.add("t.assignee_id = $" + params.size());
    }
    params.add((query.page() - 1) * SearchLimits.PAGE_ROWS);
    int offsetAt = params.size();
    boolean ranked = wordsAt > 0;
    var rank = ranked ? "ts_rank(ts.document, " + words(wordsAt) + ")" : "0::real";
    var snippet =
        ranked
            ? headline("ticket_search_text(p.id)", wordsAt)
            : "left(" + guarded("p.subject") + ", 300)";
    var sql =
        """
        SELECT p.id, p.subject, p.status, p.created_at, p.updated_at, p.queue_id, q.name AS queue_name,
               p.assignee_id, a.display_name AS assignee_name, p.total, %s AS snippet
          FROM (SELECT t.id, t.subject, t.status, t.created_at, t.updated_at, t.queue_id, t.assignee_id,
                       %s AS rank, count(*) OVER () AS total
                  FROM ticket_search ts JOIN tickets t ON t.id = ts.ticket_id
                 WHERE %s
                 ORDER BY rank DESC, t.updated_at DESC, t.id DESC
                 LIMIT %d OFFSET $%d) p
          JOIN queues q ON q.id = p.queue_id
          LEFT JOIN operators a ON a.id = p.assignee_id
         ORDER BY p.rank DESC, p.updated_at DESC, p.id DESC
        """
            .formatted(
                snippet, rank, String.join("\n   AND ", where), SearchLimits.PAGE_ROWS, offsetAt);
    return new Statement(sql, Tuple.from(params));
  }
}
