-- The rota: weekly shifts per queue and operator, one-off exceptions to them, and the empty-shift
-- alerts already sent. Times are wall-clock times in the library's time zone (libraries.timezone), so a
-- 9:00 shift stays at 9:00 across a change of summer time; a shift never crosses midnight.

CREATE TABLE shifts (
    id           bigserial PRIMARY KEY,
    library_id   bigint NOT NULL REFERENCES libraries (id),
    queue_id     bigint NOT NULL REFERENCES queues (id),
    operator_id  bigint NOT NULL REFERENCES operators (id),
    weekday      smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),  -- ISO: 1 Monday ... 7 Sunday
    starts       time NOT NULL,
    ends         time NOT NULL,
    valid_from   date NOT NULL,
    valid_to     date,                                                 -- the last day, included; null: open-ended
    created_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (ends > starts),
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX shifts_library_weekday ON shifts (library_id, weekday);
CREATE INDEX shifts_operator ON shifts (operator_id);

-- One-off changes on one date: 'off' cancels one weekly shift's occurrence (the shift names the operator
-- and the queue); 'extra' is a shift on that date only, with its own queue and times.
CREATE TABLE shift_exceptions (
    id           bigserial PRIMARY KEY,
    library_id   bigint NOT NULL REFERENCES libraries (id),
    kind         text NOT NULL CHECK (kind IN ('off', 'extra')),
    on_date      date NOT NULL,
    shift_id     bigint REFERENCES shifts (id) ON DELETE CASCADE,
    operator_id  bigint NOT NULL REFERENCES operators (id),
    queue_id     bigint REFERENCES queues (id),
    starts       time,
    ends         time,
    note         text CHECK (length(note) <= 500),
    created_by   bigint REFERENCES operators (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (kind <> 'off' OR (shift_id IS NOT NULL AND queue_id IS NULL AND starts IS NULL AND ends IS NULL)),
    CHECK (kind <> 'extra' OR (shift_id IS NULL AND queue_id IS NOT NULL AND starts IS NOT NULL AND ends > starts))
);
CREATE INDEX shift_exceptions_library_date ON shift_exceptions (library_id, on_date);
CREATE UNIQUE INDEX shift_exceptions_one_off ON shift_exceptions (shift_id, on_date) WHERE kind = 'off';

-- One row per shift occurrence whose empty-shift alert went out: the sweep inserts it with ON CONFLICT DO
-- NOTHING and announces only what it inserted, so two nodes sweeping at once send one alert.
-- occurrence: 'w<shiftId>:<date>' for a weekly shift on a date, 'x<exceptionId>' for an extra one.
CREATE TABLE shift_alerts (
    occurrence   text PRIMARY KEY,
    library_id   bigint NOT NULL REFERENCES libraries (id),
    queue_id     bigint NOT NULL REFERENCES queues (id),
    operator_id  bigint NOT NULL REFERENCES operators (id),
    starts_at    timestamptz NOT NULL,
    sent_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX shift_alerts_library ON shift_alerts (library_id, sent_at DESC);
