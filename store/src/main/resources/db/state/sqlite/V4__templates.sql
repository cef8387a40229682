-- Device templates, cloud property values and telemetry issues (unmodeled or invalid telemetry).
-- Must stay equivalent to postgres/V4__templates.sql.
CREATE TABLE device_templates (
    id               TEXT    NOT NULL PRIMARY KEY,
    model_id         TEXT    NOT NULL,
    types            TEXT    NOT NULL,
    display_name     TEXT    NOT NULL,
    description      TEXT,
    capability_model TEXT    NOT NULL,
    etag             TEXT    NOT NULL,
    created_at       INTEGER NOT NULL
);

CREATE INDEX device_templates_model_id ON device_templates (model_id, created_at);

CREATE INDEX devices_template ON devices (template);

CREATE TABLE cloud_properties (
    device_id  TEXT    NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    component  TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    value      TEXT    NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (device_id, component, name)
);

CREATE TABLE telemetry_issues (
    device_id  TEXT    NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    component  TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    reason     TEXT    NOT NULL,
    count      INTEGER NOT NULL,
    last_value TEXT    NOT NULL,
    last_seen  INTEGER NOT NULL,
    PRIMARY KEY (device_id, kind, component, name)
);
