-- Patrons reach tickets without an account: a question left in the widget while nobody is online
-- makes a ticket (no operator made it), and a patron's answer through the signed link in a reply is
-- a from-patron message. A transcript asked for by e-mail is one request per chat and address,
-- mailed once the chat has ended.
ALTER TABLE tickets ALTER COLUMN created_by DROP NOT NULL;

ALTER TABLE ticket_history DROP CONSTRAINT ticket_history_action_check;
ALTER TABLE ticket_history ADD CONSTRAINT ticket_history_action_check
    CHECK (action IN ('created', 'assigned', 'status', 'replied', 'noted', 'patron_replied'));

-- One request per chat and address, however often it is asked for (by the patron or an operator);
-- mail_id is set once the transcript is in the mail outbox, in the same transaction.
CREATE TABLE transcript_requests (
    id            bigserial PRIMARY KEY,
    chat_id       bigint NOT NULL REFERENCES chats (id),
    library_id    bigint NOT NULL REFERENCES libraries (id),
    email         text NOT NULL,
    requested_by  text NOT NULL CHECK (requested_by IN ('patron', 'operator')),
    mail_id       bigint REFERENCES mail_outbox (id),
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX transcript_requests_once ON transcript_requests (chat_id, lower(email));
CREATE INDEX transcript_requests_unsent ON transcript_requests (chat_id) WHERE mail_id IS NULL;
