-- Foundation schema: libraries and their queues, operators, chats with their numbered events, audit log.
-- Every row that belongs to a library carries its library_id, so reports and retention never need joins
-- to find the owner.

CREATE TABLE libraries (
    id          bigserial PRIMARY KEY,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    timezone    text NOT NULL DEFAULT 'UTC',
    settings    jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- A queue is what a patron asks into (a department, a campus); its slug is public in the widget's URL.
CREATE TABLE queues (
    id          bigserial PRIMARY KEY,
    library_id  bigint NOT NULL REFERENCES libraries (id),
    slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    settings    jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX queues_library ON queues (library_id);

CREATE TABLE operators (
    id             bigserial PRIMARY KEY,
    library_id     bigint NOT NULL REFERENCES libraries (id),
    username       text NOT NULL UNIQUE CHECK (username = lower(username)),
    display_name   text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 80),
    password_hash  text NOT NULL,
    role           text NOT NULL CHECK (role IN ('operator', 'admin')),
    disabled_at    timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX operators_library ON operators (library_id);

-- The queues an operator may monitor.
CREATE TABLE operator_queues (
    operator_id  bigint NOT NULL REFERENCES operators (id),
    queue_id     bigint NOT NULL REFERENCES queues (id),
    library_id   bigint NOT NULL REFERENCES libraries (id),
    PRIMARY KEY (operator_id, queue_id)
);
CREATE INDEX operator_queues_queue ON operator_queues (queue_id);

-- last_seq numbers the chat's events: it is bumped in the same transaction as each insert, never taken
-- from a SEQUENCE, so a rolled-back insert leaves no gap a client would wait for.
CREATE TABLE chats (
    id             bigserial PRIMARY KEY,
    library_id     bigint NOT NULL REFERENCES libraries (id),
    queue_id       bigint NOT NULL REFERENCES queues (id),
    state          text NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'active', 'ended', 'missed')),
    patron_name    text NOT NULL,
    patron_email   text,
    patron_ip      text,
    user_agent     text,
    page_url       text,
    question       text NOT NULL,
    last_seq       integer NOT NULL DEFAULT 0,
    owner_id       bigint REFERENCES operators (id),
    created_at     timestamptz NOT NULL DEFAULT now(),
    claimed_at     timestamptz,
    ended_at       timestamptz,
    ended_by       text CHECK (ended_by IN ('patron', 'operator', 'system'))
);
CREATE INDEX chats_queue_state ON chats (queue_id, state);
CREATE INDEX chats_library_created ON chats (library_id, created_at DESC);
CREATE INDEX chats_patron_email ON chats (library_id, lower(patron_email)) WHERE patron_email IS NOT NULL;

CREATE TABLE chat_participants (
    chat_id      bigint NOT NULL REFERENCES chats (id),
    operator_id  bigint NOT NULL REFERENCES operators (id),
    library_id   bigint NOT NULL REFERENCES libraries (id),
    role         text NOT NULL CHECK (role IN ('owner', 'shared')),
    joined_at    timestamptz NOT NULL DEFAULT now(),
    left_at      timestamptz,
    PRIMARY KEY (chat_id, operator_id)
);
CREATE INDEX chat_participants_operator ON chat_participants (operator_id) WHERE left_at IS NULL;

-- Every stored event of a chat: messages and state changes share one numbering. A client message id
-- makes a repeated send land once.
CREATE TABLE chat_events (
    chat_id        bigint NOT NULL REFERENCES chats (id),
    seq            integer NOT NULL,
    library_id     bigint NOT NULL REFERENCES libraries (id),
    type           text NOT NULL,
    sender_kind    text NOT NULL CHECK (sender_kind IN ('patron', 'operator', 'system')),
    sender_id      bigint,
    sender_name    text,
    body           text,
    data           jsonb NOT NULL DEFAULT '{}'::jsonb,
    client_msg_id  text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (chat_id, seq),
    UNIQUE (chat_id, client_msg_id)
);

CREATE TABLE audit_log (
    id          bigserial PRIMARY KEY,
    library_id  bigint REFERENCES libraries (id),
    actor_kind  text NOT NULL CHECK (actor_kind IN ('operator', 'patron', 'system')),
    actor_id    bigint,
    action      text NOT NULL,
    target      text,
    detail      jsonb NOT NULL DEFAULT '{}'::jsonb,
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_library_at ON audit_log (library_id, at DESC);

-- Secrets every gateway node must share, such as the token signing key when none is configured.
CREATE TABLE gateway_secrets (
    name        text PRIMARY KEY,
    value       text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
