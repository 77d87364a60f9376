-- Support staff's environment list (newest first) reads this index in order instead of sorting the table.
CREATE INDEX ix_environments_created ON environments (created_at, id);

-- When a token was last accepted (to within a minute): shown to support staff, never the token itself.
ALTER TABLE environment_tokens ADD COLUMN last_used_at TEXT NULL;

-- An environment's pending requests, counted for support staff without reading every environment's pending ones.
CREATE INDEX ix_release_requests_pending_environment ON release_requests (environment_id) WHERE status = 'pending';
