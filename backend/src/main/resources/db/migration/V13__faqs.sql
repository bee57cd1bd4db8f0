-- A library's FAQs: a question, its answer in Markdown (rendered safely by the gateway), topics and
-- links, shown to operators only (internal) or to patrons too (public), and found by full-text search in
-- the FAQ's own language. A draft made from a chat keeps the chat it came from until an admin publishes it.

-- array_to_string is only STABLE (it may call any type's output function); on text[] it is immutable, and
-- a generated column needs that said.
CREATE FUNCTION faq_topics_text(topics text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT array_to_string(topics, ' ') $$;

CREATE TABLE faqs (
    id               bigserial PRIMARY KEY,
    library_id       bigint NOT NULL REFERENCES libraries (id),
    question         text NOT NULL CHECK (length(question) BETWEEN 1 AND 300),
    answer_markdown  text NOT NULL CHECK (length(answer_markdown) BETWEEN 1 AND 10000),
    topics           text[] NOT NULL DEFAULT '{}' CHECK (cardinality(topics) <= 10),
    visibility       text NOT NULL CHECK (visibility IN ('public', 'internal')),
    language         text NOT NULL CHECK (language IN ('en', 'es')),
    links            jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(links) = 'array'),
    status           text NOT NULL CHECK (status IN ('draft', 'published')),
    source_chat_id   bigint REFERENCES chats (id),
    created_by       bigint REFERENCES operators (id),
    reviewed_by      bigint REFERENCES operators (id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    -- The question counts most, then the topics, then the answer (ts_rank_cd weighs A > B > C).
    search           tsvector GENERATED ALWAYS AS (
        CASE language
            WHEN 'es' THEN
                setweight(to_tsvector('spanish'::regconfig, question), 'A')
                || setweight(to_tsvector('spanish'::regconfig, faq_topics_text(topics)), 'B')
                || setweight(to_tsvector('spanish'::regconfig, answer_markdown), 'C')
            ELSE
                setweight(to_tsvector('english'::regconfig, question), 'A')
                || setweight(to_tsvector('english'::regconfig, faq_topics_text(topics)), 'B')
                || setweight(to_tsvector('english'::regconfig, answer_markdown), 'C')
        END) STORED
);
CREATE INDEX faqs_library ON faqs (library_id);
CREATE INDEX faqs_search ON faqs USING gin (search);
