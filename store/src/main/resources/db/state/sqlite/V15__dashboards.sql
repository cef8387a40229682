-- Dashboards: organization dashboards (owner NULL, in at most one organization) and personal
-- dashboards (owned by the principal who made them). Tiles are kept as the JSON array the platform
-- checked. Must stay equivalent to postgres/V15__dashboards.sql.
CREATE TABLE dashboards (
    id           TEXT    NOT NULL PRIMARY KEY,
    display_name TEXT    NOT NULL,
    tiles        TEXT    NOT NULL,
    favorite     INTEGER NOT NULL,
    owner        TEXT,
    etag         TEXT    NOT NULL,
    organization TEXT,
    created_at   INTEGER NOT NULL
);

CREATE INDEX dashboards_owner ON dashboards (owner, id);
CREATE INDEX dashboards_organization ON dashboards (organization, id);
