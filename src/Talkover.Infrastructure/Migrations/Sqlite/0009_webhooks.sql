-- Webhooks and their transactional outbox. An event is written in the transaction of the change it reports,
-- with one delivery per subscribed webhook; dispatchers claim due deliveries with a lease and send them.
-- Secrets are kept only encrypted (ASP.NET Core Data Protection).
CREATE TABLE webhooks (
    id                TEXT NOT NULL PRIMARY KEY,
    environment_id    TEXT NOT NULL REFERENCES environments (id),
    url               TEXT NOT NULL,
    events            TEXT NOT NULL,
    description       TEXT NULL,
    secret_protected  TEXT NOT NULL,
    created_at        TEXT NOT NULL
);
CREATE INDEX ix_webhooks_environment ON webhooks (environment_id, created_at, id);

-- The outbox: each event once, with the exact body every receiver gets.
CREATE TABLE webhook_events (
    id              TEXT NOT NULL PRIMARY KEY,
    environment_id  TEXT NOT NULL,
    type            TEXT NOT NULL,
    body            TEXT NOT NULL,
    created_at      TEXT NOT NULL
);

-- One event's delivery to one webhook. A claimed delivery carries its lease: lease_owner names the claim,
-- and next_attempt_at moves to the lease's end, so a dispatcher that dies mid-attempt leaves it due again then.
-- retry_step counts the attempts of the current run of retries (a manual retry starts a new run).
CREATE TABLE webhook_deliveries (
    id                TEXT NOT NULL PRIMARY KEY,
    webhook_id        TEXT NOT NULL REFERENCES webhooks (id),
    event_id          TEXT NOT NULL REFERENCES webhook_events (id),
    event_type        TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts          INTEGER NOT NULL,
    retry_step        INTEGER NOT NULL,
    next_attempt_at   TEXT NULL,
    lease_owner       TEXT NULL,
    last_status_code  INTEGER NULL,
    last_error        TEXT NULL,
    delivered_at      TEXT NULL,
    created_at        TEXT NOT NULL
);
CREATE INDEX ix_webhook_deliveries_webhook ON webhook_deliveries (webhook_id, created_at, id);
-- The dispatcher's "what is due" reads pending deliveries in due order, and nothing else.
CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX ix_webhook_deliveries_lease ON webhook_deliveries (lease_owner);

CREATE TRIGGER trg_webhook_deliveries_count_insert AFTER INSERT ON webhook_deliveries
BEGIN
    INSERT INTO list_counters (scope_id, list, row_count) VALUES (NEW.webhook_id, 'webhook_deliveries', 1)
    ON CONFLICT (scope_id, list) DO UPDATE SET row_count = row_count + 1;
END;

CREATE TRIGGER trg_webhook_deliveries_count_delete AFTER DELETE ON webhook_deliveries
BEGIN
    UPDATE list_counters SET row_count = row_count - 1 WHERE scope_id = OLD.webhook_id AND list = 'webhook_deliveries';
END;
