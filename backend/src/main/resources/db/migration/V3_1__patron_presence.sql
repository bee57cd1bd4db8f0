-- Who is waiting on whom, and whether the patron is still there. The idle clock runs from the
-- librarian's last message, not the patron's; a patron's widget that is open keeps patron_seen_at
-- fresh, and a waiting chat whose widget has been gone past the grace time becomes missed.
ALTER TABLE chats
    ADD COLUMN operator_last_at timestamptz,
    ADD COLUMN patron_seen_at   timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN missed_at        timestamptz;

CREATE INDEX chats_missed ON chats (library_id, missed_at DESC) WHERE state = 'missed';
