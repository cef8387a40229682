-- Continuous data export (issue 15): destinations (their configuration as JSON, secrets sealed),
-- exports, and the destinations each export sends to, in order. A destination cannot be deleted
-- while an export sends to it (the store refuses first; the foreign key is the backstop).
-- Must stay equivalent to sqlite/V13__data_exports.sql.
CREATE TABLE data_export_destinations (
    id           TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    display_name TEXT NOT NULL,
    type         TEXT NOT NULL,
    config       TEXT NOT NULL
);

CREATE TABLE data_exports (
    id           TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    display_name TEXT NOT NULL,
    enabled      BOOLEAN NOT NULL,
    source       TEXT NOT NULL,
    filter       TEXT,
    enrichments  TEXT NOT NULL
);

CREATE TABLE data_export_targets (
    export_id      TEXT COLLATE "C" NOT NULL REFERENCES data_exports (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    destination_id TEXT COLLATE "C" NOT NULL REFERENCES data_export_destinations (id),
    transform      TEXT,
    PRIMARY KEY (export_id, position)
);

CREATE INDEX data_export_targets_destination ON data_export_targets (destination_id, export_id);
