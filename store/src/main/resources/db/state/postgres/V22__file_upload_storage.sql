-- File uploads to Azure Blob storage (IoT Central's /fileUploads): the application's one storage
-- configuration (its connection string sealed like every secret), and the container each upload
-- went to (NULL: the embedded store). Must stay equivalent to sqlite/V22__file_upload_storage.sql.
CREATE TABLE file_upload_config (
    id                INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    connection_string TEXT    NOT NULL,
    container         TEXT    NOT NULL,
    sas_ttl_seconds   BIGINT  NOT NULL,
    read_access       BOOLEAN NOT NULL,
    etag              TEXT    NOT NULL
);

ALTER TABLE device_files ADD COLUMN container TEXT;
