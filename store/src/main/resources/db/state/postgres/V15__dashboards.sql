-- Dashboards: organization dashboards (owner NULL, in at most one organization) and personal
-- dashboards (owned by the principal who made them). Tiles are kept as the JSON array the platform
-- checked. Must stay equivalent to sqlite/V15__dashboards.sql.
CREATE TABLE dashboards (
    id           TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    display_name TEXT    NOT NULL,
    tiles        TEXT    NOT NULL,
    favorite     BOOLEAN NOT NULL,
    owner        TEXT COLLATE "C",
    etag         TEXT    NOT NULL,
    organization TEXT COLLATE "C",
    created_at   BIGINT  NOT NULL
);

CREATE INDEX dashboards_owner ON dashboards (owner, id);
CREATE INDEX dashboards_organization ON dashboards (organization, id);
