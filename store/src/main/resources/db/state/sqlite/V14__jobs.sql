-- Jobs: the definition as IoT Central's JSON, status, times and progress counters; a job's devices
-- are fixed when it starts, one row each with its batch and outcome. A device's outcome and the
-- job's counters change in one transaction. Must stay equivalent to postgres/V14__jobs.sql.
CREATE TABLE jobs (
    id               TEXT NOT NULL PRIMARY KEY,
    scheduled_job_id TEXT,
    definition       TEXT    NOT NULL,
    organization     TEXT,
    status           TEXT    NOT NULL,
    started_at       INTEGER,
    ended_at         INTEGER,
    total            INTEGER NOT NULL,
    completed        INTEGER NOT NULL,
    failed           INTEGER NOT NULL,
    created_by       TEXT    NOT NULL,
    created_at       INTEGER  NOT NULL
);

CREATE INDEX jobs_status ON jobs (status, created_at);
CREATE INDEX jobs_scheduled ON jobs (scheduled_job_id, id);

CREATE TABLE job_devices (
    job_id    TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    device_id TEXT NOT NULL,
    batch     INTEGER NOT NULL,
    status    TEXT    NOT NULL,
    reason    TEXT,
    PRIMARY KEY (job_id, device_id)
);

CREATE INDEX job_devices_pending ON job_devices (job_id, status, batch, device_id);

-- Scheduled jobs: the definition and the schedule as IoT Central's JSON, and how many occurrences
-- were handled (an occurrence's job and this count change in one transaction).
CREATE TABLE scheduled_jobs (
    id           TEXT NOT NULL PRIMARY KEY,
    definition   TEXT    NOT NULL,
    schedule     TEXT    NOT NULL,
    enabled      INTEGER NOT NULL,
    etag         TEXT    NOT NULL,
    occurrences  INTEGER NOT NULL,
    organization TEXT,
    created_by   TEXT    NOT NULL,
    created_at   INTEGER  NOT NULL
);

CREATE INDEX scheduled_jobs_organization ON scheduled_jobs (organization, id);
