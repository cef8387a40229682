-- Organizations, custom roles, the audit log and browser sessions; devices gain their organization.
-- Must stay equivalent to sqlite/V2__security.sql.
ALTER TABLE devices ADD COLUMN organization TEXT COLLATE "C";

CREATE INDEX devices_organization ON devices (organization, id);

CREATE TABLE organizations (
    id           TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    display_name TEXT NOT NULL,
    parent       TEXT COLLATE "C"
);

CREATE TABLE roles (
    id           TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    display_name TEXT   NOT NULL,
    kind         TEXT   NOT NULL,
    permissions  TEXT   NOT NULL,
    updated_at   BIGINT NOT NULL
);

CREATE TABLE audit_log (
    seq            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    time           BIGINT NOT NULL,
    actor          TEXT   NOT NULL,
    action         TEXT   NOT NULL,
    target         TEXT   NOT NULL,
    before_summary TEXT   NOT NULL,
    after_summary  TEXT   NOT NULL
);

CREATE TABLE sessions (
    secret_hash TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    user_id     TEXT COLLATE "C" NOT NULL,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL
);

CREATE INDEX sessions_user_id ON sessions (user_id);
