-- First responses kept for replay under an Idempotency-Key, per environment (or admin credential), for 24 hours.
-- While a request runs, expires_at is a short lease, so a crashed request does not hold its key for a day.
CREATE TABLE idempotency_keys (
    scope                  TEXT NOT NULL,
    idempotency_key        TEXT NOT NULL,
    fingerprint            TEXT NOT NULL,
    state                  TEXT NOT NULL CHECK (state IN ('in_flight', 'completed')),
    response_status        INTEGER NULL,
    response_content_type  TEXT NULL,
    response_location      TEXT NULL,
    response_body          BLOB NULL,
    response_request_id    TEXT NULL,
    created_at             TEXT NOT NULL,
    expires_at             TEXT NOT NULL,
    PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX ix_idempotency_keys_expires_at ON idempotency_keys (expires_at);
