-- Device file uploads (IoT Hub's file-upload flow): one row per SAS URI handed out, with the blob's
-- size and content type once it is stored and the device's notification once it is sent; deleted
-- with the device. Must stay equivalent to postgres/V21__device_files.sql.
CREATE TABLE device_files (
    correlation_id TEXT    NOT NULL PRIMARY KEY,
    device_id      TEXT    NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    blob_name      TEXT    NOT NULL,
    requested_at   INTEGER NOT NULL,
    status         TEXT    NOT NULL,
    size           INTEGER NOT NULL,
    content_type   TEXT,
    uploaded_at    INTEGER
);

CREATE INDEX device_files_device_blob ON device_files (device_id, blob_name, requested_at);
