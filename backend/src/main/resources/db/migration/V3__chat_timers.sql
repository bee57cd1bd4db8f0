-- What the chat timers need to act once, on one node, however many nodes tick: each marks the chat
-- in the same conditional UPDATE that decides it acts.
ALTER TABLE chats
    ADD COLUMN escalated_at    timestamptz,
    ADD COLUMN wait_notice_at  timestamptz,
    ADD COLUMN idle_warned_at  timestamptz,
    ADD COLUMN patron_last_at  timestamptz NOT NULL DEFAULT now();

CREATE INDEX chats_open_state ON chats (state) WHERE state IN ('waiting', 'active');
