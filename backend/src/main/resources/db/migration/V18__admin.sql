-- The admin pages: how many chats an operator takes at once, signing an operator off (now or at a
-- set time), and archiving a queue that has chats and so cannot be deleted.

-- NULL: no limit. Checked when the operator claims a chat.
ALTER TABLE operators ADD COLUMN max_chats integer CHECK (max_chats BETWEEN 1 AND 20);

-- Tokens issued up to this moment are refused: a forced or scheduled sign-off.
ALTER TABLE operators ADD COLUMN signed_off_at timestamptz;

-- When the operator is to be signed off; the sweep clears it as it signs them off, so each is done once.
ALTER TABLE operators ADD COLUMN sign_off_at timestamptz;
CREATE INDEX operators_sign_off_due ON operators (sign_off_at) WHERE sign_off_at IS NOT NULL;

-- An archived queue keeps its chats and statistics but is gone from the widget and takes no new chats.
ALTER TABLE queues ADD COLUMN archived_at timestamptz;

-- A patron's answers to the queue's own pre-chat fields: [{label, value}].
ALTER TABLE chats ADD COLUMN prechat jsonb;
