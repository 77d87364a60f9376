-- Identifiers are lowercase UUID text, timestamps UTC text 'yyyy-MM-ddTHH:mm:ss.fffffffZ' (sortable),
-- money and dates text; see Persistence/DapperTypeHandlers.cs.

CREATE TABLE environments (
    id          TEXT NOT NULL PRIMARY KEY,
    name        TEXT NOT NULL,
    plan_name   TEXT NOT NULL CHECK (plan_name IN ('standard', 'professional', 'enterprise')),
    created_at  TEXT NOT NULL
);

CREATE TABLE environment_tokens (
    id              TEXT NOT NULL PRIMARY KEY,
    environment_id  TEXT NOT NULL REFERENCES environments (id),
    token_hash      TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    revoked_at      TEXT NULL
);
CREATE UNIQUE INDEX ux_environment_tokens_token_hash ON environment_tokens (token_hash);
CREATE INDEX ix_environment_tokens_environment ON environment_tokens (environment_id);

CREATE TABLE phone_numbers (
    id                    TEXT NOT NULL PRIMARY KEY,
    environment_id        TEXT NOT NULL REFERENCES environments (id),
    number                TEXT NOT NULL,
    country_code          TEXT NOT NULL,
    type                  TEXT NOT NULL,
    has_voice             INTEGER NOT NULL,
    has_sms               INTEGER NOT NULL,
    has_mms               INTEGER NOT NULL,
    has_fax               INTEGER NOT NULL,
    has_whatsapp          INTEGER NOT NULL,
    is_sandbox            INTEGER NOT NULL,
    current_status        TEXT NOT NULL CHECK (current_status IN ('active', 'released')),
    current_price         TEXT NULL,
    currency              TEXT NULL,
    renewal_date          TEXT NULL,
    auto_renewal          INTEGER NOT NULL,
    monthly_renewal_cost  TEXT NULL,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL
);
-- A number belongs to at most one environment until it is released.
CREATE UNIQUE INDEX ux_phone_numbers_active_number ON phone_numbers (number) WHERE current_status = 'active';
CREATE INDEX ix_phone_numbers_environment ON phone_numbers (environment_id, created_at, id);

CREATE TABLE agents (
    id              TEXT NOT NULL PRIMARY KEY,
    environment_id  TEXT NOT NULL REFERENCES environments (id),
    name            TEXT NOT NULL,
    label           TEXT NULL,
    language        TEXT NOT NULL,
    direction       TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    current_status  TEXT NOT NULL CHECK (current_status IN ('draft', 'published')),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX ix_agents_environment ON agents (environment_id, created_at, id);

CREATE TABLE agent_phone_numbers (
    agent_id         TEXT NOT NULL REFERENCES agents (id),
    phone_number_id  TEXT NOT NULL REFERENCES phone_numbers (id),
    PRIMARY KEY (agent_id, phone_number_id)
);
CREATE INDEX ix_agent_phone_numbers_phone_number ON agent_phone_numbers (phone_number_id);

CREATE TABLE release_requests (
    id               TEXT NOT NULL PRIMARY KEY,
    environment_id   TEXT NOT NULL REFERENCES environments (id),
    phone_number_id  TEXT NOT NULL REFERENCES phone_numbers (id),
    phone_number     TEXT NOT NULL,
    reason           TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'cancelled')),
    requested_at     TEXT NOT NULL,
    resolved_at      TEXT NULL,
    resolution_note  TEXT NULL
);
-- At most one pending request per number: backs the domain check, so a race ends in 409, not two rows.
CREATE UNIQUE INDEX ux_release_requests_pending_phone_number ON release_requests (phone_number_id) WHERE status = 'pending';
CREATE INDEX ix_release_requests_environment ON release_requests (environment_id, requested_at, id);
CREATE INDEX ix_release_requests_status ON release_requests (status, requested_at, id);

CREATE TABLE release_request_history (
    id                  TEXT NOT NULL PRIMARY KEY,
    release_request_id  TEXT NOT NULL REFERENCES release_requests (id),
    from_status         TEXT NULL,
    to_status           TEXT NOT NULL,
    actor               TEXT NOT NULL,
    note                TEXT NULL,
    occurred_at         TEXT NOT NULL
);
CREATE INDEX ix_release_request_history_request ON release_request_history (release_request_id, occurred_at);
