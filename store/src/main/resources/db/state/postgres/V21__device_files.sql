-- Device file uploads (IoT Hub's file-upload flow): one row per SAS URI handed out, with the blob's
-- size and content type once it is stored and the device's notification once it is sent; deleted
-- with the device. Must stay equivalent to sqlite/V21__device_files.sql.
CREATE TABLE device_files (
    correlation_id TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    device_id      TEXT COLLATE "C" NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    blob_name      TEXT COLLATE "C" NOT NULL,
    requested_at   BIGINT  NOT NULL,
    status         TEXT    NOT NULL,
    size           BIGINT  NOT NULL,
    content_type   TEXT,
    uploaded_at    BIGINT
);

CREATE INDEX device_files_device_blob ON device_files (device_id, blob_name, requested_at);
