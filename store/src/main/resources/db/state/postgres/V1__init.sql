-- OpenCentral state, PostgreSQL dialect. Instants are epoch milliseconds (BIGINT), JSON documents
-- are TEXT kept byte for byte (jsonb would reorder keys), ids use the "C" collation so that keyset
-- paging orders exactly like SQLite. Must stay equivalent to sqlite/V1__init.sql.
CREATE TABLE devices (
    id            TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    display_name  TEXT    NOT NULL,
    template      TEXT,
    enabled       BOOLEAN NOT NULL,
    simulated     BOOLEAN NOT NULL,
    provisioned   BOOLEAN NOT NULL,
    etag          TEXT    NOT NULL,
    primary_key   TEXT    NOT NULL,
    secondary_key TEXT    NOT NULL,
    model_id      TEXT,
    connected     BOOLEAN NOT NULL,
    last_activity BIGINT,
    created_at    BIGINT  NOT NULL
);

CREATE TABLE twins (
    device_id           TEXT COLLATE "C" NOT NULL PRIMARY KEY REFERENCES devices (id) ON DELETE CASCADE,
    desired_properties  TEXT   NOT NULL,
    desired_metadata    TEXT   NOT NULL,
    desired_version     BIGINT NOT NULL,
    reported_properties TEXT   NOT NULL,
    reported_metadata   TEXT   NOT NULL,
    reported_version    BIGINT NOT NULL
);

CREATE TABLE c2d_messages (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    device_id   TEXT COLLATE "C" NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    message_id  TEXT   NOT NULL,
    enqueued_at BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    properties  TEXT   NOT NULL,
    body        BYTEA  NOT NULL,
    UNIQUE (device_id, message_id)
);

CREATE INDEX c2d_messages_expires_at ON c2d_messages (expires_at);

CREATE TABLE last_values (
    device_id TEXT COLLATE "C" NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    component TEXT   NOT NULL,
    name      TEXT   NOT NULL,
    value     TEXT   NOT NULL,
    ts        BIGINT NOT NULL,
    PRIMARY KEY (device_id, component, name)
);

CREATE TABLE cursors (
    consumer      TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    last_sequence BIGINT NOT NULL
);

CREATE TABLE api_tokens (
    id          TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    secret_hash TEXT   NOT NULL,
    roles       TEXT   NOT NULL,
    expiry      BIGINT NOT NULL,
    created_at  BIGINT NOT NULL
);

CREATE TABLE users (
    id            TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    email         TEXT   NOT NULL,
    email_key     TEXT   NOT NULL UNIQUE,
    password_hash TEXT,
    roles         TEXT   NOT NULL,
    created_at    BIGINT NOT NULL
);
