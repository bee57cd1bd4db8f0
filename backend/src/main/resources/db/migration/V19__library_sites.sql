-- The sites each library lets embed its widget (and call the gateway for its patrons), beside the
-- installation-wide REFDESK_ALLOWED_ORIGINS. An origin is stored as the gateway compares it: lower-case
-- scheme://host[:port], http or https, no path and no default port.
CREATE TABLE library_sites (
    library_id  bigint NOT NULL REFERENCES libraries (id),
    origin      text NOT NULL CHECK (origin ~ '^https?://[a-z0-9.\[\]:-]+$' AND length(origin) <= 300),
    added_at    timestamptz NOT NULL DEFAULT now(),
    added_by    bigint REFERENCES operators (id),
    PRIMARY KEY (library_id, origin)
);
