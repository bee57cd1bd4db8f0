-- Hand-offs of a chat between operators: a transfer (to a named operator or to a queue's
-- operators, with a hand-off card only staff see) and an invitation to share the chat. A row is
-- pending until someone it was offered to accepts or declines it; the conditional update of its
-- state decides which one of several acceptors wins.
CREATE TABLE chat_handoffs (
    id                bigserial PRIMARY KEY,
    chat_id           bigint NOT NULL REFERENCES chats (id),
    library_id        bigint NOT NULL REFERENCES libraries (id),
    kind              text NOT NULL CHECK (kind IN ('transfer', 'invite')),
    from_operator_id  bigint NOT NULL REFERENCES operators (id),
    to_operator_id    bigint REFERENCES operators (id),
    to_queue_id       bigint REFERENCES queues (id),
    -- {needs, tried, links}: what the patron needs, what was tried, links sent. Never shown to a patron.
    card              jsonb NOT NULL DEFAULT '{}'::jsonb,
    -- The sender stays in the chat as a colleague after the transfer.
    stay              boolean NOT NULL DEFAULT false,
    state             text NOT NULL DEFAULT 'pending'
                      CHECK (state IN ('pending', 'accepted', 'declined', 'cancelled')),
    reason            text,
    decided_by        bigint REFERENCES operators (id),
    created_at        timestamptz NOT NULL DEFAULT now(),
    decided_at        timestamptz,
    CHECK ((kind = 'transfer' AND (to_operator_id IS NULL) <> (to_queue_id IS NULL))
        OR (kind = 'invite' AND to_operator_id IS NOT NULL AND to_queue_id IS NULL))
);
-- One transfer at a time per chat, and one open invitation per colleague.
CREATE UNIQUE INDEX chat_handoffs_one_transfer ON chat_handoffs (chat_id)
    WHERE state = 'pending' AND kind = 'transfer';
CREATE UNIQUE INDEX chat_handoffs_one_invite ON chat_handoffs (chat_id, to_operator_id)
    WHERE state = 'pending' AND kind = 'invite';
CREATE INDEX chat_handoffs_pending ON chat_handoffs (library_id) WHERE state = 'pending';
