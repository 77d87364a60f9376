-- Text limits are counted in Unicode code points (see TextRules); nvarchar lengths allow two UTF-16 units for each.
CREATE TABLE dbo.environments (
    id          uniqueidentifier NOT NULL CONSTRAINT pk_environments PRIMARY KEY,
    name        nvarchar(510) NOT NULL,
    plan_name   varchar(20) NOT NULL CONSTRAINT ck_environments_plan CHECK (plan_name IN ('standard', 'professional', 'enterprise')),
    created_at  datetime2(7) NOT NULL
);
GO

CREATE TABLE dbo.environment_tokens (
    id              uniqueidentifier NOT NULL CONSTRAINT pk_environment_tokens PRIMARY KEY,
    environment_id  uniqueidentifier NOT NULL CONSTRAINT fk_environment_tokens_environment REFERENCES dbo.environments (id),
    token_hash      char(64) NOT NULL,
    created_at      datetime2(7) NOT NULL,
    revoked_at      datetime2(7) NULL
);
CREATE UNIQUE INDEX ux_environment_tokens_token_hash ON dbo.environment_tokens (token_hash);
CREATE INDEX ix_environment_tokens_environment ON dbo.environment_tokens (environment_id);
GO

CREATE TABLE dbo.phone_numbers (
    id                    uniqueidentifier NOT NULL CONSTRAINT pk_phone_numbers PRIMARY KEY,
    environment_id        uniqueidentifier NOT NULL CONSTRAINT fk_phone_numbers_environment REFERENCES dbo.environments (id),
    number                varchar(16) NOT NULL,
    country_code          char(2) NOT NULL,
    type                  varchar(20) NOT NULL,
    has_voice             bit NOT NULL,
    has_sms               bit NOT NULL,
    has_mms               bit NOT NULL,
    has_fax               bit NOT NULL,
    has_whatsapp          bit NOT NULL,
    is_sandbox            bit NOT NULL,
    current_status        varchar(20) NOT NULL CONSTRAINT ck_phone_numbers_status CHECK (current_status IN ('active', 'released')),
    current_price         decimal(12, 4) NULL,
    currency              char(3) NULL,
    renewal_date          date NULL,
    auto_renewal          bit NOT NULL,
    monthly_renewal_cost  decimal(12, 4) NULL,
    created_at            datetime2(7) NOT NULL,
    updated_at            datetime2(7) NOT NULL
);
-- A number belongs to at most one environment until it is released.
CREATE UNIQUE INDEX ux_phone_numbers_active_number ON dbo.phone_numbers (number) WHERE current_status = 'active';
CREATE INDEX ix_phone_numbers_environment ON dbo.phone_numbers (environment_id, created_at, id);
GO

CREATE TABLE dbo.agents (
    id              uniqueidentifier NOT NULL CONSTRAINT pk_agents PRIMARY KEY,
    environment_id  uniqueidentifier NOT NULL CONSTRAINT fk_agents_environment REFERENCES dbo.environments (id),
    name            nvarchar(510) NOT NULL,
    label           nvarchar(510) NULL,
    language        varchar(10) NOT NULL,
    direction       varchar(10) NOT NULL CONSTRAINT ck_agents_direction CHECK (direction IN ('inbound', 'outbound')),
    current_status  varchar(10) NOT NULL CONSTRAINT ck_agents_status CHECK (current_status IN ('draft', 'published')),
    created_at      datetime2(7) NOT NULL,
    updated_at      datetime2(7) NOT NULL
);
CREATE INDEX ix_agents_environment ON dbo.agents (environment_id, created_at, id);
GO

CREATE TABLE dbo.agent_phone_numbers (
    agent_id         uniqueidentifier NOT NULL CONSTRAINT fk_agent_phone_numbers_agent REFERENCES dbo.agents (id),
    phone_number_id  uniqueidentifier NOT NULL CONSTRAINT fk_agent_phone_numbers_phone_number REFERENCES dbo.phone_numbers (id),
    CONSTRAINT pk_agent_phone_numbers PRIMARY KEY (agent_id, phone_number_id)
);
CREATE INDEX ix_agent_phone_numbers_phone_number ON dbo.agent_phone_numbers (phone_number_id);
GO

CREATE TABLE dbo.release_requests (
    id               uniqueidentifier NOT NULL CONSTRAINT pk_release_requests PRIMARY KEY,
    environment_id   uniqueidentifier NOT NULL CONSTRAINT fk_release_requests_environment REFERENCES dbo.environments (id),
    phone_number_id  uniqueidentifier NOT NULL CONSTRAINT fk_release_requests_phone_number REFERENCES dbo.phone_numbers (id),
    phone_number     varchar(16) NOT NULL,
    reason           nvarchar(2000) NOT NULL,
    status           varchar(10) NOT NULL CONSTRAINT ck_release_requests_status CHECK (status IN ('pending', 'approved', 'rejected', 'cancelled')),
    requested_at     datetime2(7) NOT NULL,
    resolved_at      datetime2(7) NULL,
    resolution_note  nvarchar(2000) NULL
);
-- At most one pending request per number: backs the domain check, so a race ends in 409, not two rows.
CREATE UNIQUE INDEX ux_release_requests_pending_phone_number ON dbo.release_requests (phone_number_id) WHERE status = 'pending';
CREATE INDEX ix_release_requests_environment ON dbo.release_requests (environment_id, requested_at, id);
CREATE INDEX ix_release_requests_status ON dbo.release_requests (status, requested_at, id);
GO

CREATE TABLE dbo.release_request_history (
    id                  uniqueidentifier NOT NULL CONSTRAINT pk_release_request_history PRIMARY KEY,
    release_request_id  uniqueidentifier NOT NULL CONSTRAINT fk_release_request_history_request REFERENCES dbo.release_requests (id),
    from_status         varchar(10) NULL,
    to_status           varchar(10) NOT NULL,
    actor               nvarchar(100) NOT NULL,
    note                nvarchar(2000) NULL,
    occurred_at         datetime2(7) NOT NULL
);
CREATE INDEX ix_release_request_history_request ON dbo.release_request_history (release_request_id, occurred_at);
GO
