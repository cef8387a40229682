-- Command history: every command invocation per device and command (the newest 100 are kept by the
-- store), deleted with the device. The audit log's forwarder to the event log gets a cursor that
-- starts after the entries the old code had already appended synchronously.
-- Must stay equivalent to postgres/V6__command_history.sql.
CREATE TABLE command_history (
    seq                INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    device_id          TEXT    NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    command            TEXT    NOT NULL,
    request_id         TEXT    NOT NULL,
    actor              TEXT    NOT NULL,
    requested_at       INTEGER NOT NULL,
    completed_at       INTEGER NOT NULL,
    connection_timeout INTEGER NOT NULL,
    response_timeout   INTEGER NOT NULL,
    request            TEXT,
    outcome            TEXT    NOT NULL,
    response           TEXT,
    response_code      INTEGER
);

CREATE INDEX command_history_device_command ON command_history (device_id, command, seq);

INSERT INTO cursors (consumer, last_sequence)
    SELECT 'audit-forwarder', COALESCE(MAX(seq), 0) FROM audit_log;
