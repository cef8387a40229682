-- Device provisioning: enrollment groups, individual (device) attestations, registration records
-- and application settings. Attestations are JSON documents in TEXT. Must stay equivalent to
-- the other dialect's V3__provisioning.sql.
CREATE TABLE enrollment_groups (
    id           TEXT NOT NULL PRIMARY KEY,
    display_name TEXT    NOT NULL,
    enabled      INTEGER NOT NULL,
    type         TEXT    NOT NULL,
    attestation  TEXT    NOT NULL,
    etag         TEXT    NOT NULL
);

CREATE TABLE device_attestations (
    device_id            TEXT NOT NULL PRIMARY KEY REFERENCES devices (id) ON DELETE CASCADE,
    attestation          TEXT NOT NULL,
    primary_thumbprint   TEXT,
    secondary_thumbprint TEXT
);

CREATE INDEX device_attestations_primary ON device_attestations (primary_thumbprint);
CREATE INDEX device_attestations_secondary ON device_attestations (secondary_thumbprint);

CREATE TABLE registrations (
    registration_id  TEXT NOT NULL PRIMARY KEY,
    device_id        TEXT NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    status           TEXT    NOT NULL,
    enrollment_group TEXT,
    model_id         TEXT,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    etag             TEXT    NOT NULL
);

CREATE TABLE provisioning_settings (
    name  TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);
