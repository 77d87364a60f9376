-- A history row names who made the change: the type stays in actor ('customer', 'staff', 'system'); the
-- customer's token id or the staff member's id, name and email (as they were then) sit beside it.
ALTER TABLE dbo.release_request_history ADD
    actor_id     uniqueidentifier NULL,
    actor_name   nvarchar(510) NULL,
    actor_email  nvarchar(640) NULL;
GO

-- Decisions recorded before staff had names were made with the shared admin key: the system.
UPDATE dbo.release_request_history SET actor = N'system' WHERE actor = N'support';
GO
