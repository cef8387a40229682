-- Device relationships (gateway/child links), deleted with either device.
-- Must stay equivalent to postgres/V5__relationships.sql.
CREATE TABLE device_relationships (
    source TEXT NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    id     TEXT NOT NULL,
    target TEXT NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    PRIMARY KEY (source, id)
);

CREATE INDEX device_relationships_target ON device_relationships (target);
