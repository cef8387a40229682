-- Device groups: a saved device query per group. Membership is not stored: it is evaluated from
-- the filter at every read. Must stay equivalent to sqlite/V11__device_groups.sql.
CREATE TABLE device_groups (
    id           TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    display_name TEXT   NOT NULL,
    filter       TEXT   NOT NULL,
    description  TEXT,
    etag         TEXT   NOT NULL,
    organization TEXT COLLATE "C",
    created_at   BIGINT NOT NULL
);

CREATE INDEX device_groups_organization ON device_groups (organization, id);
