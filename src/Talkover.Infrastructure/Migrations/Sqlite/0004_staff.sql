-- Support staff: people with roles, their personal API keys and their setup links. Passwords are kept
-- only as PasswordHasher hashes, keys and setup tokens only as SHA-256 hashes.
CREATE TABLE staff_members (
    id               TEXT NOT NULL PRIMARY KEY,
    email            TEXT NOT NULL,
    email_key        TEXT NOT NULL,
    name             TEXT NOT NULL,
    role             TEXT NOT NULL CHECK (role IN ('viewer', 'reviewer', 'admin')),
    status           TEXT NOT NULL CHECK (status IN ('active', 'disabled')),
    password_hash    TEXT NULL,
    failed_sign_ins  INTEGER NOT NULL,
    locked_until     TEXT NULL,
    security_stamp   TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    last_sign_in_at  TEXT NULL
);
-- One member per email whatever its letter case: email_key is the email lower-cased by the service,
-- so both providers compare the same way.
CREATE UNIQUE INDEX ux_staff_members_email_key ON staff_members (email_key);
CREATE INDEX ix_staff_members_created ON staff_members (created_at, id);
CREATE INDEX ix_staff_members_role_status ON staff_members (role, status);

CREATE TABLE staff_api_keys (
    id            TEXT NOT NULL PRIMARY KEY,
    staff_id      TEXT NOT NULL REFERENCES staff_members (id),
    name          TEXT NOT NULL,
    key_hash      TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    last_used_at  TEXT NULL,
    revoked_at    TEXT NULL
);
CREATE UNIQUE INDEX ux_staff_api_keys_key_hash ON staff_api_keys (key_hash);
CREATE INDEX ix_staff_api_keys_staff ON staff_api_keys (staff_id, created_at);

CREATE TABLE staff_setup_links (
    id          TEXT NOT NULL PRIMARY KEY,
    staff_id    TEXT NOT NULL REFERENCES staff_members (id),
    token_hash  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT NULL
);
CREATE UNIQUE INDEX ux_staff_setup_links_token_hash ON staff_setup_links (token_hash);
CREATE INDEX ix_staff_setup_links_staff ON staff_setup_links (staff_id);
