-- A history row names who made the change: the type stays in actor ('customer', 'staff', 'system'); the
-- customer's token id or the staff member's id, name and email (as they were then) sit beside it.
ALTER TABLE release_request_history ADD COLUMN actor_id TEXT NULL;
ALTER TABLE release_request_history ADD COLUMN actor_name TEXT NULL;
ALTER TABLE release_request_history ADD COLUMN actor_email TEXT NULL;

-- Decisions recorded before staff had names were made with the shared admin key: the system.
UPDATE release_request_history SET actor = 'system' WHERE actor = 'support';
