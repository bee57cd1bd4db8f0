-- The mail outbox: every e-mail the gateway sends is first a row here, committed with whatever made
-- it (a ticket reply, a transcript), and then handed to SMTP by the mail worker. A row is sent once:
-- the worker claims it with FOR UPDATE SKIP LOCKED and marks it sent in the same transaction.
CREATE TABLE mail_outbox (
    id               bigserial PRIMARY KEY,
    recipient        text NOT NULL,
    subject          text NOT NULL,
    text_body        text NOT NULL,
    html_body        text NOT NULL,
    status           text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent')),
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    sent_at          timestamptz
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at, id) WHERE status = 'queued';
