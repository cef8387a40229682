-- OpenCentral state, SQLite dialect. Instants are epoch milliseconds (INTEGER), booleans 0/1,
-- JSON documents are TEXT kept byte for byte. Must stay equivalent to postgres/V1__init.sql.
CREATE TABLE devices (
    id            TEXT    NOT NULL PRIMARY KEY,
    display_name  TEXT    NOT NULL,
    template      TEXT,
    enabled       INTEGER NOT NULL,
    simulated     INTEGER NOT NULL,
    provisioned   INTEGER NOT NULL,
    etag          TEXT    NOT NULL,
    primary_key   TEXT    NOT NULL,
    secondary_key TEXT    NOT NULL,
    model_id      TEXT,
    connected     INTEGER NOT NULL,
    last_activity INTEGER,
    created_at    INTEGER NOT NULL
);

CREATE TABLE twins (
    device_id           TEXT    NOT NULL PRIMARY KEY REFERENCES devices (id) ON DELETE CASCADE,
    desired_properties  TEXT    NOT NULL,
    desired_metadata    TEXT    NOT NULL,
    desired_version     INTEGER NOT NULL,
    reported_properties TEXT    NOT NULL,
    reported_metadata   TEXT    NOT NULL,
    reported_version    INTEGER NOT NULL
);

CREATE TABLE c2d_messages (
    seq         INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    device_id   TEXT    NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    message_id  TEXT    NOT NULL,
    enqueued_at INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    properties  TEXT    NOT NULL,
    body        BLOB    NOT NULL,
    UNIQUE (device_id, message_id)
);

CREATE INDEX c2d_messages_expires_at ON c2d_messages (expires_at);

CREATE TABLE last_values (
    device_id TEXT    NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    component TEXT    NOT NULL,
    name      TEXT    NOT NULL,
    value     TEXT    NOT NULL,
    ts        INTEGER NOT NULL,
    PRIMARY KEY (device_id, component, name)
);

CREATE TABLE cursors (
    consumer      TEXT    NOT NULL PRIMARY KEY,
    last_sequence INTEGER NOT NULL
);

CREATE TABLE api_tokens (
    id          TEXT    NOT NULL PRIMARY KEY,
    secret_hash TEXT    NOT NULL,
    roles       TEXT    NOT NULL,
    expiry      INTEGER NOT NULL,
    created_at  INTEGER NOT NULL
);

CREATE TABLE users (
    id            TEXT    NOT NULL PRIMARY KEY,
    email         TEXT    NOT NULL,
    email_key     TEXT    NOT NULL UNIQUE,
    password_hash TEXT,
    roles         TEXT    NOT NULL,
    created_at    INTEGER NOT NULL
);
