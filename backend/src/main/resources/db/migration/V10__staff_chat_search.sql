-- Staff-chat search: words of a message, without stemming ('simple'), since a library's staff may
-- write in any language. The expression must match StaffChatSql.SEARCH for the index to be used.
CREATE INDEX internal_messages_words ON internal_messages USING gin (to_tsvector('simple', body));
