-- Support staff's environment list (newest first) reads this index in order instead of sorting the table.
CREATE INDEX ix_environments_created ON dbo.environments (created_at, id);
GO

-- When a token was last accepted (to within a minute): shown to support staff, never the token itself.
ALTER TABLE dbo.environment_tokens ADD last_used_at datetime2(7) NULL;
GO

-- An environment's pending requests, counted for support staff without reading every environment's pending ones.
CREATE INDEX ix_release_requests_pending_environment ON dbo.release_requests (environment_id) WHERE status = 'pending';
GO
