-- Device relationships (gateway/child links), deleted with either device.
-- Must stay equivalent to sqlite/V5__relationships.sql.
CREATE TABLE device_relationships (
    source TEXT COLLATE "C" NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    id     TEXT COLLATE "C" NOT NULL,
    target TEXT COLLATE "C" NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    PRIMARY KEY (source, id)
);

CREATE INDEX device_relationships_target ON device_relationships (target);
