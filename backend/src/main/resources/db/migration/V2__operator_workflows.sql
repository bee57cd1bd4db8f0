-- What a reference shift runs on beyond the chat itself: canned messages, tags, each operator's own
-- settings, and the library's thresholds (in libraries.settings).

-- Library-wide canned messages have no owner; personal ones belong to one operator.
CREATE TABLE canned_messages (
    id          bigserial PRIMARY KEY,
    library_id  bigint NOT NULL REFERENCES libraries (id),
    owner_id    bigint REFERENCES operators (id),
    title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 80),
    body        text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    shortcut    text NOT NULL CHECK (shortcut ~ '^[a-z0-9][a-z0-9-]{0,31}$'),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
-- One shortcut per scope: the library's set, and each operator's own.
CREATE UNIQUE INDEX canned_library_shortcut ON canned_messages (library_id, shortcut) WHERE owner_id IS NULL;
CREATE UNIQUE INDEX canned_personal_shortcut ON canned_messages (owner_id, shortcut) WHERE owner_id IS NOT NULL;

CREATE TABLE tags (
    id          bigserial PRIMARY KEY,
    library_id  bigint NOT NULL REFERENCES libraries (id),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX tags_library_name ON tags (library_id, lower(name));

CREATE TABLE chat_tags (
    chat_id     bigint NOT NULL REFERENCES chats (id),
    tag_id      bigint NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    library_id  bigint NOT NULL REFERENCES libraries (id),
    added_by    bigint REFERENCES operators (id),
    added_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (chat_id, tag_id)
);

-- Null monitored_queues means "every queue I may monitor".
CREATE TABLE operator_settings (
    operator_id       bigint PRIMARY KEY REFERENCES operators (id),
    monitored_queues  bigint[],
    alerts            jsonb NOT NULL DEFAULT '{}'::jsonb,
    updated_at        timestamptz NOT NULL DEFAULT now()
);
