-- Co-ops: libraries that answer each other's patrons. A co-op's rows carry its host library, as every
-- row carries a library; its queues are rows of queues with coop_id set (their library_id is the
-- host's), so queue.<id>, the Redis waiting list and monitoring work for them unchanged. Its
-- language, label and colour are in its settings, as the widget reads a queue's settings.
CREATE TABLE coops (
    id               bigserial PRIMARY KEY,
    name             text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    host_library_id  bigint NOT NULL REFERENCES libraries (id),
    created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE coop_members (
    coop_id     bigint NOT NULL REFERENCES coops (id),
    library_id  bigint NOT NULL REFERENCES libraries (id),
    joined_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (coop_id, library_id)
);
CREATE INDEX coop_members_library ON coop_members (library_id);

ALTER TABLE queues ADD COLUMN coop_id bigint REFERENCES coops (id);
CREATE INDEX queues_coop ON queues (coop_id) WHERE coop_id IS NOT NULL;

-- A chat stays its home library's (library_id): transcripts, tickets and statistics are the home
-- library's; a co-op counts the chats routed to it by coop_id. home_queue_id is where the patron
-- asked; queue_entered_at starts the roll-up clock of the queue it waits in now.
ALTER TABLE chats ADD COLUMN home_queue_id bigint REFERENCES queues (id);
ALTER TABLE chats ADD COLUMN coop_id bigint REFERENCES coops (id);
ALTER TABLE chats ADD COLUMN queue_entered_at timestamptz;
UPDATE chats SET home_queue_id = queue_id, queue_entered_at = created_at;
ALTER TABLE chats ALTER COLUMN home_queue_id SET NOT NULL;
ALTER TABLE chats ALTER COLUMN queue_entered_at SET NOT NULL;

-- A chat written without them (imports, the bench's year of chats) asked where it waits, and entered
-- it when it was made.
CREATE FUNCTION chats_home_queue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.home_queue_id := COALESCE(NEW.home_queue_id, NEW.queue_id);
  NEW.queue_entered_at := COALESCE(NEW.queue_entered_at, NEW.created_at, now());
  RETURN NEW;
END
$$;
CREATE TRIGGER chats_home_queue BEFORE INSERT ON chats FOR EACH ROW EXECUTE FUNCTION chats_home_queue();
CREATE INDEX chats_coop ON chats (coop_id, created_at) WHERE coop_id IS NOT NULL;
CREATE INDEX chats_waiting_queue ON chats (queue_id, queue_entered_at) WHERE state = 'waiting';

-- The cascade of a queue, configured per queue: step 1 first. 'always' and 'outside_hours' are
-- decided when the chat starts; 'unclaimed' moves a waiting chat after after_seconds in this queue.
CREATE TABLE queue_routes (
    queue_id       bigint NOT NULL REFERENCES queues (id),
    step           integer NOT NULL CHECK (step BETWEEN 1 AND 10),
    to_queue_id    bigint NOT NULL REFERENCES queues (id) CHECK (to_queue_id <> queue_id),
    condition      text NOT NULL CHECK (condition IN ('always', 'outside_hours', 'unclaimed')),
    after_seconds  integer CHECK (after_seconds IS NULL OR after_seconds BETWEEN 10 AND 86400),
    library_id     bigint NOT NULL REFERENCES libraries (id),
    PRIMARY KEY (queue_id, step),
    CHECK ((condition = 'unclaimed') = (after_seconds IS NOT NULL))
);
CREATE INDEX queue_routes_unclaimed ON queue_routes (queue_id) WHERE condition = 'unclaimed';

-- How a librarian is named to a patron in a chat: by name in their own library's chats; with their
-- library in another library's (a co-op chat), so the patron knows who answers. The one place.
CREATE FUNCTION chat_staff_name(operator_id bigint, chat_library_id bigint) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN o.library_id = chat_library_id THEN o.display_name
              ELSE o.display_name || ' (' || l.name || ', for the co-op)' END
    FROM operators o JOIN libraries l ON l.id = o.library_id
   WHERE o.id = operator_id
$$;
