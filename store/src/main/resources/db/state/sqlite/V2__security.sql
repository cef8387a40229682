-- Organizations, custom roles, the audit log and browser sessions; devices gain their organization.
-- Must stay equivalent to postgres/V2__security.sql.
ALTER TABLE devices ADD COLUMN organization TEXT;

CREATE INDEX devices_organization ON devices (organization, id);

CREATE TABLE organizations (
    id           TEXT NOT NULL PRIMARY KEY,
    display_name TEXT NOT NULL,
    parent       TEXT
);

CREATE TABLE roles (
    id           TEXT    NOT NULL PRIMARY KEY,
    display_name TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    permissions  TEXT    NOT NULL,
    updated_at   INTEGER NOT NULL
);

CREATE TABLE audit_log (
    seq            INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    time           INTEGER NOT NULL,
    actor          TEXT    NOT NULL,
    action         TEXT    NOT NULL,
    target         TEXT    NOT NULL,
    before_summary TEXT    NOT NULL,
    after_summary  TEXT    NOT NULL
);

CREATE TABLE sessions (
    secret_hash TEXT    NOT NULL PRIMARY KEY,
    user_id     TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
);

CREATE INDEX sessions_user_id ON sessions (user_id);
