package org.refdesk.tag;

/** The SQL of {@link TagRepository}. */
final class TagSql {

  private TagSql() {}

  static final String IN_LIBRARY =
      """
      SELECT id, name FROM tags WHERE library_id = $1 ORDER BY lower(name)
      """;

  static final String INSERT =
      """
      INSERT INTO tags (library_id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING id, name
      """;

  static final String DELETE =
      """
      DELETE FROM tags WHERE id = $1 AND library_id = $2
      """;

  static final String OF_CHAT =
      """
      SELECT t.id, t.name FROM chat_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.chat_id = $1 ORDER BY lower(t.name)
      """;

  /** Only a tag of the chat's own library can be put on it. */
  static final String TAG_CHAT =
      """
      INSERT INTO chat_tags (chat_id, tag_id, library_id, added_by)
      SELECT $1, t.id, t.library_id, $3 FROM tags t WHERE t.id = $2 AND t.library_id = $4
      ON CONFLICT DO NOTHING
      RETURNING tag_id
      """;

  static final String UNTAG_CHAT =
      """
      DELETE FROM chat_tags WHERE chat_id = $1 AND tag_id = $2
      """;

  static final String TAG_EXISTS =
      """
      SELECT EXISTS (SELECT 1 FROM tags WHERE id = $1 AND library_id = $2) AS known
      """;

  static final String COUNT_ON_CHAT =
      """
      SELECT count(*) AS tags FROM chat_tags WHERE chat_id = $1
      """;
}
