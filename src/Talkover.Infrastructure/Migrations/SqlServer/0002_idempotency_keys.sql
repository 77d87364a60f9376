-- First responses kept for replay under an Idempotency-Key, per environment (or admin credential), for 24 hours.
-- While a request runs, expires_at is a short lease, so a crashed request does not hold its key for a day.
CREATE TABLE dbo.idempotency_keys (
    scope                  varchar(64) NOT NULL,
    idempotency_key        varchar(255) COLLATE Latin1_General_BIN2 NOT NULL,
    fingerprint            char(64) NOT NULL,
    state                  varchar(10) NOT NULL CONSTRAINT ck_idempotency_keys_state CHECK (state IN ('in_flight', 'completed')),
    response_status        int NULL,
    response_content_type  varchar(255) NULL,
    response_location      varchar(2048) NULL,
    response_body          varbinary(max) NULL,
    response_request_id    varchar(128) NULL,
    created_at             datetime2(7) NOT NULL,
    expires_at             datetime2(7) NOT NULL,
    CONSTRAINT pk_idempotency_keys PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX ix_idempotency_keys_expires_at ON dbo.idempotency_keys (expires_at);
GO
