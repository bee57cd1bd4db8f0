-- Transcript and ticket search: one search document per ended (or missed) chat and per ticket, with a
-- GIN index. A chat's document is the words of its messages (the question is its first message),
-- once stemmed in 'english' and once as they are ('simple'), so "renewals" finds "renew" and a name,
-- a call number or a Spanish word is still found as typed. Positions are stripped: ranking counts
-- which words of a query a document holds, and a stripped document stays small enough to be read
-- for every match of a common word.
--
-- The document is written once, when the chat leaves the open states (a trigger on the state
-- change, in the transaction that ends it), never per message: the message path stays as it was.
-- Chats still waiting or active have no document and are not found; they are on the desk.
-- queue, owner and state are copied so that every filter but tags and rating is read from the one
-- table the index points into; none of them changes after the end (a missed chat that comes back
-- and ends is written again).

CREATE TABLE chat_search (
    chat_id     bigint PRIMARY KEY REFERENCES chats (id),
    library_id  bigint NOT NULL REFERENCES libraries (id),
    queue_id    bigint NOT NULL REFERENCES queues (id),
    owner_id    bigint REFERENCES operators (id),
    state       text NOT NULL,
    created_at  timestamptz NOT NULL,
    document    tsvector NOT NULL
);
CREATE INDEX chat_search_document ON chat_search USING gin (document);
CREATE INDEX chat_search_library_created ON chat_search (library_id, created_at DESC);

-- The words of a text as the search documents hold them; the same function builds every document,
-- so chats and tickets are matched alike.
CREATE FUNCTION search_words(words text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT strip(to_tsvector('english', coalesce(words, '')) || to_tsvector('simple', coalesce(words, '')))
$$;

-- The text of a chat as searched and shown in snippets: its messages in order.
CREATE FUNCTION chat_search_text(chat bigint) RETURNS text
    LANGUAGE sql STABLE AS $$
    SELECT string_agg(body, E'\n' ORDER BY seq) FROM chat_events
     WHERE chat_id = chat AND type = 'message' AND body IS NOT NULL
$$;

CREATE FUNCTION chat_search_write() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO chat_search (chat_id, library_id, queue_id, owner_id, state, created_at, document)
    VALUES (NEW.id, NEW.library_id, NEW.queue_id, NEW.owner_id, NEW.state, NEW.created_at,
            search_words(chat_search_text(NEW.id)))
    ON CONFLICT (chat_id) DO UPDATE
       SET queue_id = EXCLUDED.queue_id, owner_id = EXCLUDED.owner_id, state = EXCLUDED.state,
           document = EXCLUDED.document;
    RETURN NULL;
END
$$;

CREATE TRIGGER chats_search_document
    AFTER UPDATE OF state ON chats
    FOR EACH ROW
    WHEN (NEW.state IN ('ended', 'missed') AND OLD.state IS DISTINCT FROM NEW.state)
    EXECUTE FUNCTION chat_search_write();

-- Chats that ended before this migration.
INSERT INTO chat_search (chat_id, library_id, queue_id, owner_id, state, created_at, document)
SELECT c.id, c.library_id, c.queue_id, c.owner_id, c.state, c.created_at, search_words(chat_search_text(c.id))
  FROM chats c
 WHERE c.state IN ('ended', 'missed');

-- Tickets: subject and every message (replies, the patron's mail, notes, a chat's transcript). Ticket
-- writes are rare, so the document is rebuilt on each of them by triggers.
CREATE TABLE ticket_search (
    ticket_id   bigint PRIMARY KEY REFERENCES tickets (id),
    library_id  bigint NOT NULL REFERENCES libraries (id),
    document    tsvector NOT NULL
);
CREATE INDEX ticket_search_document ON ticket_search USING gin (document);
CREATE INDEX ticket_search_library ON ticket_search (library_id);

CREATE FUNCTION ticket_search_text(ticket bigint) RETURNS text
    LANGUAGE sql STABLE AS $$
    SELECT t.subject || coalesce(E'\n' || (SELECT string_agg(m.body, E'\n' ORDER BY m.id)
                                            FROM ticket_messages m WHERE m.ticket_id = t.id), '')
      FROM tickets t WHERE t.id = ticket
$$;

CREATE FUNCTION ticket_search_refresh(ticket bigint) RETURNS void
    LANGUAGE sql AS $$
    INSERT INTO ticket_search (ticket_id, library_id, document)
    SELECT t.id, t.library_id, search_words(ticket_search_text(t.id)) FROM tickets t WHERE t.id = ticket
    ON CONFLICT (ticket_id) DO UPDATE SET document = EXCLUDED.document
$$;

CREATE FUNCTION ticket_search_from_ticket() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ticket_search_refresh(NEW.id);
    RETURN NULL;
END
$$;

CREATE FUNCTION ticket_search_from_message() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ticket_search_refresh(NEW.ticket_id);
    RETURN NULL;
END
$$;

CREATE TRIGGER tickets_search_document
    AFTER INSERT OR UPDATE OF subject ON tickets
    FOR EACH ROW EXECUTE FUNCTION ticket_search_from_ticket();

CREATE TRIGGER ticket_messages_search_document
    AFTER INSERT ON ticket_messages
    FOR EACH ROW EXECUTE FUNCTION ticket_search_from_message();

INSERT INTO ticket_search (ticket_id, library_id, document)
SELECT t.id, t.library_id, search_words(ticket_search_text(t.id)) FROM tickets t;
