-- Staff chat: rooms that only the library's operators see, never a patron.
-- A library has one staff room (every operator of the library is in it), made the first time it is
-- asked for, and a direct room for each pair of its operators, made when one opens it.
CREATE TABLE internal_rooms (
    id             bigserial PRIMARY KEY,
    library_id     bigint NOT NULL REFERENCES libraries (id),
    kind           text NOT NULL CHECK (kind IN ('staff', 'direct')),
    -- A direct room's two operators, the lower id first, so a pair has one room whoever opens it.
    operator_low   bigint REFERENCES operators (id),
    operator_high  bigint REFERENCES operators (id),
    -- Numbers the room's messages like chats.last_seq: bumped in the statement that inserts one.
    last_seq       integer NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'staff' AND operator_low IS NULL AND operator_high IS NULL)
        OR (kind = 'direct' AND operator_low < operator_high))
);
CREATE UNIQUE INDEX internal_rooms_one_staff_room ON internal_rooms (library_id) WHERE kind = 'staff';
CREATE UNIQUE INDEX internal_rooms_one_per_pair ON internal_rooms (operator_low, operator_high)
    WHERE kind = 'direct';
CREATE INDEX internal_rooms_low ON internal_rooms (operator_low) WHERE kind = 'direct';
CREATE INDEX internal_rooms_high ON internal_rooms (operator_high) WHERE kind = 'direct';

-- Kept, as staff are told: a room's messages are its archive.
CREATE TABLE internal_messages (
    room_id        bigint NOT NULL REFERENCES internal_rooms (id),
    seq            integer NOT NULL,
    client_msg_id  text NOT NULL,
    sender_id      bigint NOT NULL REFERENCES operators (id),
    sender_name    text NOT NULL,
    body           text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (room_id, seq),
    UNIQUE (room_id, client_msg_id)
);

-- How far each operator has read in a room; no row means nothing read yet.
CREATE TABLE internal_reads (
    room_id        bigint NOT NULL REFERENCES internal_rooms (id),
    operator_id    bigint NOT NULL REFERENCES operators (id),
    last_read_seq  integer NOT NULL CHECK (last_read_seq >= 0),
    PRIMARY KEY (room_id, operator_id)
);
