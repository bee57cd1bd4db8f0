-- Following up chats: a ticket made from a chat (one per chat, with its transcript), missed and
-- spam chats dismissed with a reason, and the end of each operator's last shift.

-- One ticket per chat: asking again for a chat's ticket answers the one there is.
CREATE UNIQUE INDEX tickets_one_per_chat ON tickets (chat_id) WHERE chat_id IS NOT NULL;

-- A ticket made from a chat keeps the chat's transcript as its first message; it is never mailed.
ALTER TABLE ticket_messages DROP CONSTRAINT ticket_messages_kind_check;
ALTER TABLE ticket_messages ADD CONSTRAINT ticket_messages_kind_check
    CHECK (kind IN ('to_patron', 'from_patron', 'note', 'transcript'));

-- A waiting or missed chat an operator put aside without answering, and why; counted per reason.
CREATE TABLE chat_dismissals (
    chat_id      bigint PRIMARY KEY REFERENCES chats (id),
    library_id   bigint NOT NULL REFERENCES libraries (id),
    reason       text NOT NULL CHECK (reason IN ('spam', 'test', 'duplicate', 'answered_elsewhere', 'no_contact', 'other')),
    note         text,
    operator_id  bigint NOT NULL REFERENCES operators (id),
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX chat_dismissals_library ON chat_dismissals (library_id, created_at);

-- When the operator last went offline: the end of their last shift, whatever device they used.
ALTER TABLE operators ADD COLUMN last_offline_at timestamptz;
