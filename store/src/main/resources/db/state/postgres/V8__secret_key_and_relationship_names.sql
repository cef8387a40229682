-- Secrets at rest: the check value of the key that seals device and enrollment keys (one row, so a
-- node started with another key refuses to start), and when the keys that older versions stored in
-- plaintext were sealed (NULL until then). Must stay equivalent to sqlite/V8__secret_key_and_relationship_names.sql.
CREATE TABLE secret_key (
    id          INTEGER NOT NULL PRIMARY KEY,
    check_value TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    sealed_at   BIGINT
);

-- The name of the DTDL Relationship (in the source device's template) a device relationship is an
-- instance of; NULL when none was given.
ALTER TABLE device_relationships ADD COLUMN name TEXT;
