-- A library's notes for whoever answers its patrons, its own staff or a colleague of a co-op: opening
-- hours, how to renew, fines, accounts, whom to contact, useful links. Each has a topic from a short fixed
-- list (the sections of the home library card), plain text and links; updated_at tells how old it is.
CREATE TABLE library_notes (
    id          bigserial PRIMARY KEY,
    library_id  bigint NOT NULL REFERENCES libraries (id),
    topic       text NOT NULL CHECK (topic IN ('hours', 'renewals', 'fines', 'accounts', 'contacts', 'links', 'other')),
    title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    body        text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    links       jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(links) = 'array'),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  bigint REFERENCES operators (id)
);

CREATE INDEX library_notes_by_library ON library_notes (library_id, topic, id);

-- After how many days a note is shown as possibly out of date; a library without a row goes by the
-- default of 180 days.
CREATE TABLE library_note_settings (
    library_id        bigint PRIMARY KEY REFERENCES libraries (id),
    stale_after_days  integer NOT NULL CHECK (stale_after_days BETWEEN 1 AND 3650),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    updated_by        bigint REFERENCES operators (id)
);

-- The topics a library answers only by its own staff ("fines and account questions"): a colleague of a
-- co-op sends such a question home as a ticket. The keywords flag a patron's question that touches one.
CREATE TABLE library_local_topics (
    library_id  bigint NOT NULL REFERENCES libraries (id),
    topic       text NOT NULL CHECK (topic IN ('hours', 'renewals', 'fines', 'accounts', 'contacts', 'links', 'other')),
    keywords    text[] NOT NULL DEFAULT '{}' CHECK (cardinality(keywords) <= 20),
    PRIMARY KEY (library_id, topic)
);
