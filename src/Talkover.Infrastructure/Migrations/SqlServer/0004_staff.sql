-- Support staff: people with roles, their personal API keys and their setup links. Passwords are kept
-- only as PasswordHasher hashes, keys and setup tokens only as SHA-256 hashes.
CREATE TABLE dbo.staff_members (
    id               uniqueidentifier NOT NULL CONSTRAINT pk_staff_members PRIMARY KEY,
    email            nvarchar(640) NOT NULL,
    email_key        nvarchar(640) COLLATE Latin1_General_BIN2 NOT NULL,
    name             nvarchar(510) NOT NULL,
    role             varchar(10) NOT NULL CONSTRAINT ck_staff_members_role CHECK (role IN ('viewer', 'reviewer', 'admin')),
    status           varchar(10) NOT NULL CONSTRAINT ck_staff_members_status CHECK (status IN ('active', 'disabled')),
    password_hash    varchar(256) NULL,
    failed_sign_ins  int NOT NULL,
    locked_until     datetime2(7) NULL,
    security_stamp   char(32) NOT NULL,
    created_at       datetime2(7) NOT NULL,
    updated_at       datetime2(7) NOT NULL,
    last_sign_in_at  datetime2(7) NULL
);
-- One member per email whatever its letter case: email_key is the email lower-cased by the service,
-- compared in binary so both providers agree.
CREATE UNIQUE INDEX ux_staff_members_email_key ON dbo.staff_members (email_key);
CREATE INDEX ix_staff_members_created ON dbo.staff_members (created_at, id);
CREATE INDEX ix_staff_members_role_status ON dbo.staff_members (role, status);
GO

CREATE TABLE dbo.staff_api_keys (
    id            uniqueidentifier NOT NULL CONSTRAINT pk_staff_api_keys PRIMARY KEY,
    staff_id      uniqueidentifier NOT NULL CONSTRAINT fk_staff_api_keys_staff REFERENCES dbo.staff_members (id),
    name          nvarchar(510) NOT NULL,
    key_hash      char(64) NOT NULL,
    created_at    datetime2(7) NOT NULL,
    last_used_at  datetime2(7) NULL,
    revoked_at    datetime2(7) NULL
);
CREATE UNIQUE INDEX ux_staff_api_keys_key_hash ON dbo.staff_api_keys (key_hash);
CREATE INDEX ix_staff_api_keys_staff ON dbo.staff_api_keys (staff_id, created_at);
GO

CREATE TABLE dbo.staff_setup_links (
    id          uniqueidentifier NOT NULL CONSTRAINT pk_staff_setup_links PRIMARY KEY,
    staff_id    uniqueidentifier NOT NULL CONSTRAINT fk_staff_setup_links_staff REFERENCES dbo.staff_members (id),
    token_hash  char(64) NOT NULL,
    created_at  datetime2(7) NOT NULL,
    expires_at  datetime2(7) NOT NULL,
    used_at     datetime2(7) NULL
);
CREATE UNIQUE INDEX ux_staff_setup_links_token_hash ON dbo.staff_setup_links (token_hash);
CREATE INDEX ix_staff_setup_links_staff ON dbo.staff_setup_links (staff_id);
GO
