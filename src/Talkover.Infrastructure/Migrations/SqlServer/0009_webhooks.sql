-- Webhooks and their transactional outbox. An event is written in the transaction of the change it reports,
-- with one delivery per subscribed webhook; dispatchers claim due deliveries with a lease and send them.
-- Secrets are kept only encrypted (ASP.NET Core Data Protection).
CREATE TABLE dbo.webhooks (
    id                uniqueidentifier NOT NULL CONSTRAINT pk_webhooks PRIMARY KEY,
    environment_id    uniqueidentifier NOT NULL CONSTRAINT fk_webhooks_environment REFERENCES dbo.environments (id),
    url               nvarchar(2048) NOT NULL,
    events            varchar(200) NOT NULL,
    description       nvarchar(510) NULL,
    secret_protected  varchar(1000) NOT NULL,
    created_at        datetime2(7) NOT NULL
);
CREATE INDEX ix_webhooks_environment ON dbo.webhooks (environment_id, created_at, id);
GO

-- The outbox: each event once, with the exact body every receiver gets.
CREATE TABLE dbo.webhook_events (
    id              uniqueidentifier NOT NULL CONSTRAINT pk_webhook_events PRIMARY KEY,
    environment_id  uniqueidentifier NOT NULL,
    type            varchar(50) NOT NULL,
    body            nvarchar(max) NOT NULL,
    created_at      datetime2(7) NOT NULL
);
GO

-- One event's delivery to one webhook. A claimed delivery carries its lease: lease_owner names the claim,
-- and next_attempt_at moves to the lease's end, so a dispatcher that dies mid-attempt leaves it due again then.
-- retry_step counts the attempts of the current run of retries (a manual retry starts a new run).
CREATE TABLE dbo.webhook_deliveries (
    id                uniqueidentifier NOT NULL CONSTRAINT pk_webhook_deliveries PRIMARY KEY,
    webhook_id        uniqueidentifier NOT NULL CONSTRAINT fk_webhook_deliveries_webhook REFERENCES dbo.webhooks (id),
    event_id          uniqueidentifier NOT NULL CONSTRAINT fk_webhook_deliveries_event REFERENCES dbo.webhook_events (id),
    event_type        varchar(50) NOT NULL,
    status            varchar(10) NOT NULL CONSTRAINT ck_webhook_deliveries_status CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts          int NOT NULL,
    retry_step        int NOT NULL,
    next_attempt_at   datetime2(7) NULL,
    lease_owner       uniqueidentifier NULL,
    last_status_code  int NULL,
    last_error        nvarchar(2048) NULL,
    delivered_at      datetime2(7) NULL,
    created_at        datetime2(7) NOT NULL
);
CREATE INDEX ix_webhook_deliveries_webhook ON dbo.webhook_deliveries (webhook_id, created_at, id);
-- The dispatcher's "what is due" reads pending deliveries in due order, and nothing else.
CREATE INDEX ix_webhook_deliveries_due ON dbo.webhook_deliveries (status, next_attempt_at);
CREATE INDEX ix_webhook_deliveries_lease ON dbo.webhook_deliveries (lease_owner) WHERE lease_owner IS NOT NULL;
GO

CREATE TRIGGER dbo.trg_webhook_deliveries_lists ON dbo.webhook_deliveries AFTER INSERT, DELETE AS
BEGIN
    SET NOCOUNT ON;

    WITH changes (scope_id, list, delta) AS (
        SELECT webhook_id, 'webhook_deliveries', 1 FROM inserted
        UNION ALL
        SELECT webhook_id, 'webhook_deliveries', -1 FROM deleted
    )
    MERGE dbo.list_counters WITH (HOLDLOCK) AS c
    USING (SELECT scope_id, list, SUM(delta) AS delta FROM changes GROUP BY scope_id, list HAVING SUM(delta) <> 0) AS t
    ON c.scope_id = t.scope_id AND c.list = t.list
    WHEN MATCHED THEN UPDATE SET row_count = c.row_count + t.delta
    WHEN NOT MATCHED THEN INSERT (scope_id, list, row_count) VALUES (t.scope_id, t.list, t.delta);
END;
GO
