-- Rules (issue 14): the rule's JSON document, keyed by id, with its template for lookups and its
-- webhook secrets sealed (JSON of action index to sealed value); the state of each rule per
-- device, the history of its fires and resolves, and the action outbox.
-- Must stay equivalent to postgres/V12__rules.sql.
CREATE TABLE rules (
    id       TEXT NOT NULL PRIMARY KEY,
    template TEXT NOT NULL,
    document TEXT NOT NULL,
    secrets  TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX rules_template ON rules (template);

-- A rule's state per device: ok or firing, and the evaluator's memory (JSON), gone with the rule.
CREATE TABLE rule_instances (
    rule_id    TEXT    NOT NULL REFERENCES rules (id) ON DELETE CASCADE,
    device_id  TEXT    NOT NULL,
    status     TEXT    NOT NULL,
    changed_at INTEGER NOT NULL,
    memory     TEXT    NOT NULL,
    PRIMARY KEY (rule_id, device_id)
);

-- Fires and resolves per rule, numbered by the database; the key stores each occurrence once.
CREATE TABLE rule_history (
    seq       INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    key       TEXT    NOT NULL UNIQUE,
    rule_id   TEXT    NOT NULL REFERENCES rules (id) ON DELETE CASCADE,
    device_id TEXT    NOT NULL,
    kind      TEXT    NOT NULL,
    at        INTEGER NOT NULL,
    detail    TEXT    NOT NULL
);

CREATE INDEX rule_history_rule ON rule_history (rule_id, seq);

-- The action outbox: actions queued by fires in the step that stored the fire, until sent,
-- suppressed or failed for good; the key (the fire's and the action's) is the idempotency key.
CREATE TABLE rule_actions (
    seq          INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    key          TEXT    NOT NULL UNIQUE,
    rule_id      TEXT    NOT NULL REFERENCES rules (id) ON DELETE CASCADE,
    action_index INTEGER NOT NULL,
    device_id    TEXT    NOT NULL,
    payload      TEXT    NOT NULL,
    attempts     INTEGER NOT NULL,
    due_at       INTEGER NOT NULL
);

CREATE INDEX rule_actions_due ON rule_actions (due_at, seq);
