-- Rules (issue 14): the rule's JSON document, keyed by id, with its template for lookups.
-- Must stay equivalent to postgres/V12__rules.sql.
CREATE TABLE rules (
    id       TEXT NOT NULL PRIMARY KEY,
    template TEXT NOT NULL,
    document TEXT NOT NULL
);

CREATE INDEX rules_template ON rules (template);
