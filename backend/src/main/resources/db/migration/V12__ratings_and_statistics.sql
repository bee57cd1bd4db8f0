-- Ratings and statistics entries: what the patron thought of a chat, and the record of each reference
-- interaction a library counts (a chat or a desk question without one). Reports read both with one SQL
-- aggregate per figure, so the columns a report groups by are columns, not keys inside JSON.

-- One rating per chat, given by its patron once the chat has ended (a repeat replaces the first).
CREATE TABLE chat_ratings (
    chat_id     bigint PRIMARY KEY REFERENCES chats (id),
    library_id  bigint NOT NULL REFERENCES libraries (id),
    score       smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment     text CHECK (length(comment) <= 2000),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX chat_ratings_library_created ON chat_ratings (library_id, created_at);

-- A library's statistics form: its fields in order, each
-- {key, kind: "choice"|"text"|"number", label, required, choices: [text]}. The built-in keys
-- questionType, location, mode, referredBy and notes are stored in the entry's own columns; any other
-- key is a custom field kept in the entry's custom object. No row means the default form.
CREATE TABLE statistics_forms (
    library_id  bigint PRIMARY KEY REFERENCES libraries (id),
    fields      jsonb NOT NULL,
    updated_by  bigint REFERENCES operators (id),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- One entry per chat (chat_id unique), or per interaction without a chat (chat_id null: at the desk, by
-- phone). occurred_at, duration and wait are taken from the chat when there is one.
CREATE TABLE statistics_entries (
    id                bigserial PRIMARY KEY,
    library_id        bigint NOT NULL REFERENCES libraries (id),
    chat_id           bigint UNIQUE REFERENCES chats (id),
    queue_id          bigint REFERENCES queues (id),
    operator_id       bigint NOT NULL REFERENCES operators (id),
    occurred_at       timestamptz NOT NULL,
    duration_seconds  integer CHECK (duration_seconds >= 0),
    wait_seconds      integer CHECK (wait_seconds >= 0),
    mode              text NOT NULL CHECK (length(mode) BETWEEN 1 AND 80),
    question_type     text CHECK (length(question_type) <= 200),
    location          text CHECK (length(location) <= 200),
    referred_by       text CHECK (length(referred_by) <= 200),
    notes             text CHECK (length(notes) <= 4000),
    custom            jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX statistics_entries_library_occurred ON statistics_entries (library_id, occurred_at);

-- Ended chats an operator still has to record: those they owned that have no entry yet.
CREATE INDEX chats_owner_ended ON chats (owner_id, ended_at DESC) WHERE state = 'ended';
