package org.opencentral.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.core.job.Job;
import org.opencentral.core.job.JobDefinitionJson;
import org.opencentral.core.job.JobStore;
import org.opencentral.core.job.ScheduleJson;
import org.opencentral.core.job.ScheduledJob;
import org.opencentral.core.job.ScheduledJobStore;
import org.opencentral.core.store.Page;

/**
 * Scheduled jobs in {@code scheduled_jobs} (definition and schedule as IoT Central's JSON). An
 * occurrence inserts its job through the job store inside this store's transaction.
 */
final class JdbcScheduledJobStore implements ScheduledJobStore {
    private static final String COLUMNS = "id, definition, schedule, enabled, etag, occurrences, organization, "
            + "created_by, created_at";

    private final JdbcDatabase database;
    private final JobStore jobs;

    JdbcScheduledJobStore(JdbcDatabase database, JobStore jobs) {
        this.database = database;
        this.jobs = jobs;
    }

    @Override
    public ScheduledJob insert(ScheduledJob job) {
        ScheduledJob stored = job.withEtag(Etags.fresh());
        return database.write(c -> {
            int inserted = Jdbc.update(c, "INSERT INTO scheduled_jobs (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, "
                    + "?, ?) ON CONFLICT DO NOTHING", stored.id(), definition(stored), schedule(stored),
                    stored.enabled() ? 1 : 0, stored.etag(), stored.occurrences(),
                    Jdbc.nullableText(stored.definition().organization()), stored.createdBy(),
                    Jdbc.millis(stored.created()));
            if (inserted == 0) {
                throw DomainException.conflict("scheduled job '" + job.id() + "' already exists");
            }
            return stored;
        });
    }

    @Override
    public Optional<ScheduledJob> find(String id) {
        return database.read(c -> Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM scheduled_jobs WHERE id = ?",
                JdbcScheduledJobStore::map, id));
    }

    @Override
    public Page<ScheduledJob> list(Optional<Set<String>> organizations, Optional<String> after, int limit) {
        return KeysetPages.scoped(database, "SELECT " + COLUMNS + " FROM scheduled_jobs", organizations, after, limit,
                JdbcScheduledJobStore::map, ScheduledJob::id);
    }

    @Override
    public List<ScheduledJob> enabled() {
        return database.read(c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM scheduled_jobs WHERE enabled = 1 "
                + "ORDER BY id", JdbcScheduledJobStore::map));
    }

    @Override
    public ScheduledJob update(ScheduledJob job, String expectedEtag) {
        Objects.requireNonNull(expectedEtag, "expectedEtag");
        ScheduledJob fresh = job.withEtag(Etags.fresh());
        return database.write(c -> {
            int updated = Jdbc.update(c, "UPDATE scheduled_jobs SET definition = ?, schedule = ?, enabled = ?, "
                    + "etag = ?, organization = ? WHERE id = ? AND etag = ?", definition(fresh), schedule(fresh),
                    fresh.enabled() ? 1 : 0, fresh.etag(), Jdbc.nullableText(fresh.definition().organization()),
                    fresh.id(), expectedEtag);
            if (updated == 0) {
                if (!Jdbc.exists(c, "SELECT 1 FROM scheduled_jobs WHERE id = ?", job.id())) {
                    throw DomainException.notFound("scheduled job '" + job.id() + "'");
                }
                throw new DomainException(ErrorCode.PRECONDITION_FAILED,
                        "scheduled job '" + job.id() + "' was changed by someone else (etag mismatch)");
            }
            return Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM scheduled_jobs WHERE id = ?",
                    JdbcScheduledJobStore::map, job.id()).orElseThrow();
        });
    }

    @Override
    public boolean delete(String id) {
        return database.write(c -> Jdbc.update(c, "DELETE FROM scheduled_jobs WHERE id = ?", id)) > 0;
    }

    @Override
    public boolean occur(String id, int expected, int occurrences, Job job) {
        return database.write(c -> {
            if (Jdbc.update(c, "UPDATE scheduled_jobs SET occurrences = ? WHERE id = ? AND occurrences = ?",
                    occurrences, id, expected) == 0) {
                return false;
            }
            jobs.insert(job);
            return true;
        });
    }

    private static String definition(ScheduledJob job) {
        return Json.write(JobDefinitionJson.write(job.definition()));
    }

    private static String schedule(ScheduledJob job) {
        return Json.write(ScheduleJson.write(job.schedule()));
    }

    private static ScheduledJob map(ResultSet row) throws SQLException {
        return new ScheduledJob(row.getString("id"),
                JobDefinitionJson.read(Json.parse(row.getString("definition")), row.getString("id")),
                ScheduleJson.read(Json.parse(row.getString("schedule"))), row.getInt("enabled") == 1,
                row.getString("etag"), row.getInt("occurrences"), row.getString("created_by"),
                Jdbc.instant(row, "created_at"));
    }
}
