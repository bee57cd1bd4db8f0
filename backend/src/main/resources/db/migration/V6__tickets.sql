-- Follow-up tickets: what could not be finished live. A ticket belongs to one library and one of its
-- queues; its messages are replies to the patron (each also a row in the mail outbox), mail from the
-- patron, and internal notes that never leave the staff; its history says who changed what, when.
CREATE TABLE tickets (
    id            bigserial PRIMARY KEY,
    library_id    bigint NOT NULL REFERENCES libraries (id),
    queue_id      bigint NOT NULL REFERENCES queues (id),
    chat_id       bigint REFERENCES chats (id),
    subject       text NOT NULL,
    patron_email  text NOT NULL,
    status        text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'open', 'pending', 'closed')),
    assignee_id   bigint REFERENCES operators (id),
    created_by    bigint NOT NULL REFERENCES operators (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tickets_library_recent ON tickets (library_id, updated_at DESC, id DESC);

CREATE TABLE ticket_messages (
    id          bigserial PRIMARY KEY,
    ticket_id   bigint NOT NULL REFERENCES tickets (id),
    kind        text NOT NULL CHECK (kind IN ('to_patron', 'from_patron', 'note')),
    author_id   bigint REFERENCES operators (id),
    body        text NOT NULL,
    mail_id     bigint REFERENCES mail_outbox (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    -- A reply is mailed; nothing else ever is.
    CHECK ((kind = 'to_patron') = (mail_id IS NOT NULL))
);
CREATE INDEX ticket_messages_ticket ON ticket_messages (ticket_id, id);

CREATE TABLE ticket_history (
    id          bigserial PRIMARY KEY,
    ticket_id   bigint NOT NULL REFERENCES tickets (id),
    actor_id    bigint REFERENCES operators (id),
    action      text NOT NULL CHECK (action IN ('created', 'assigned', 'status', 'replied', 'noted')),
    detail      jsonb NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ticket_history_ticket ON ticket_history (ticket_id, id);
