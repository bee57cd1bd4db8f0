package org.refdesk.faq;

/** The SQL of {@link FaqRepository}. */
final class FaqSql {

  private FaqSql() {}

  private static final String COLUMNS =
      "id, library_id, question, answer_markdown, topics, visibility, language, links, status,"
          + " source_chat_id, created_by, reviewed_by, created_at, updated_at";

  static final String INSERT =
      """
      INSERT INTO faqs (library_id, question, answer_markdown, topics, visibility, language, links, status,
                        source_chat_id, created_by, reviewed_by)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text, $9, $10::bigint,
              CASE WHEN $8::text = 'published' THEN $10::bigint END)
      RETURNING %s
      """
          .formatted(COLUMNS);

  /** An edit by an admin is a review: whoever saves a published FAQ has reviewed it. */
  static final String UPDATE =
      """
      UPDATE faqs SET question = $3, answer_markdown = $4, topics = $5, visibility = $6, language = $7,
                      links = $8, updated_at = now(),
                      reviewed_by = CASE WHEN status = 'published' THEN $9 ELSE reviewed_by END
       WHERE id = $1 AND library_id = $2
      RETURNING %s
      """
          .formatted(COLUMNS);

  static final String PUBLISH =
      """
      UPDATE faqs SET status = 'published', reviewed_by = $3, updated_at = now()
       WHERE id = $1 AND library_id = $2
      RETURNING %s
      """
          .formatted(COLUMNS);

  static final String DELETE =
      """
      DELETE FROM faqs WHERE id = $1 AND library_id = $2
      """;

  static final String FIND =
      """
      SELECT %s FROM faqs WHERE id = $1 AND library_id = $2
      """
          .formatted(COLUMNS);

  /** The admin's list: drafts first (to review), newest first within each. */
  static final String ALL_IN_LIBRARY =
      """
      SELECT %s FROM faqs WHERE library_id = $1
       ORDER BY status = 'published', updated_at DESC, id DESC
      """
          .formatted(COLUMNS);

  /** Published FAQs without a search, by question; {@code $2}: internal ones too. */
  static final String PUBLISHED_IN_LIBRARY =
      """
      SELECT %s FROM faqs
       WHERE library_id = $1 AND status = 'published' AND ($2 OR visibility = 'public')
       ORDER BY lower(question), id
       LIMIT $3
      """
          .formatted(COLUMNS);

  /**
   * Published FAQs that match {@code $2} (the text of a tsquery made of plain words, see FaqQuery),
   * read in each FAQ's own language, best first: the question weighs most, then the topics, then
   * the answer. Both languages' queries are built once; each side of the OR can use the GIN index.
   */
  static final String SEARCH =
      """
      WITH q AS (SELECT to_tsquery('english', $2) AS en, to_tsquery('spanish', $2) AS es)
      SELECT %s, ts_rank_cd(f.search, CASE WHEN f.language = 'es' THEN q.es ELSE q.en END) AS rank
        FROM faqs f, q
       WHERE f.library_id = $1 AND f.status = 'published' AND ($3 OR f.visibility = 'public')
         AND ((f.language = 'es' AND f.search @@ q.es) OR (f.language <> 'es' AND f.search @@ q.en))
       ORDER BY rank DESC, f.id
       LIMIT $4
      """
          .formatted(
              "f.id, f.library_id, f.question, f.answer_markdown, f.topics, f.visibility, f.language,"
                  + " f.links, f.status, f.source_chat_id, f.created_by, f.reviewed_by, f.created_at,"
                  + " f.updated_at");
}
