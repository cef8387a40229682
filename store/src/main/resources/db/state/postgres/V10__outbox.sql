-- The transactional outbox: every state change stores its events here in its own transaction; one
-- forwarder appends them to the event log in id order and deletes them once durable there. Columns
-- as the event log encodes events (EventCodec): time in epoch nanoseconds, NULL device_id for events
-- about no device. Audit entries the old forwarder had not yet appended (after its cursor) move
-- here as audit events, and its cursor goes. Must stay equivalent to sqlite/V10__outbox.sql.
CREATE TABLE outbox (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    time      BIGINT NOT NULL,
    kind      TEXT   NOT NULL,
    device_id TEXT COLLATE "C",
    payload   TEXT   NOT NULL,
    body      BYTEA  NOT NULL
);

INSERT INTO outbox (time, kind, device_id, payload, body)
    SELECT time * 1000000, 'audit', NULL,
           json_build_object('auditSequence', seq, 'entry', json_build_object(
               'id', seq::text,
               'time', to_char(to_timestamp(time / 1000) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
                   || '.' || lpad((time % 1000)::text, 3, '0') || 'Z',
               'actor', actor, 'action', action, 'target', target,
               'before', before_summary::json, 'after', after_summary::json))::text,
           '\x'::bytea
    FROM audit_log
    WHERE seq > COALESCE((SELECT last_sequence FROM cursors WHERE consumer = 'audit-forwarder'), 0)
    ORDER BY seq;

DELETE FROM cursors WHERE consumer = 'audit-forwarder';
