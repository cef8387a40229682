-- The transactional outbox: every state change stores its events here in its own transaction; one
-- forwarder appends them to the event log in id order and deletes them once durable there. Columns
-- as the event log encodes events (EventCodec): time in epoch nanoseconds, NULL device_id for events
-- about no device. Audit entries the old forwarder had not yet appended (after its cursor) move
-- here as audit events, and its cursor goes. Must stay equivalent to postgres/V10__outbox.sql.
CREATE TABLE outbox (
    id        INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    time      INTEGER NOT NULL,
    kind      TEXT    NOT NULL,
    device_id TEXT,
    payload   TEXT    NOT NULL,
    body      BLOB    NOT NULL
);

INSERT INTO outbox (time, kind, device_id, payload, body)
    SELECT time * 1000000, 'audit', NULL,
           json_object('auditSequence', seq, 'entry', json_object(
               'id', CAST(seq AS TEXT),
               'time', strftime('%Y-%m-%dT%H:%M:%fZ', time / 1000, 'unixepoch', printf('+0.%03d seconds', time % 1000)),
               'actor', actor, 'action', action, 'target', target,
               'before', json(before_summary), 'after', json(after_summary))),
           X''
    FROM audit_log
    WHERE seq > COALESCE((SELECT last_sequence FROM cursors WHERE consumer = 'audit-forwarder'), 0)
    ORDER BY seq;

DELETE FROM cursors WHERE consumer = 'audit-forwarder';
