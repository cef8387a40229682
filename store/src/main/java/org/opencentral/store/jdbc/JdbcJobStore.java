package org.opencentral.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opencentral.core.DomainException;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.job.DeviceJobStatus;
import org.opencentral.core.job.Job;
import org.opencentral.core.job.JobDefinitionJson;
import org.opencentral.core.job.JobDevice;
import org.opencentral.core.job.JobProgress;
import org.opencentral.core.job.JobStatus;
import org.opencentral.core.job.JobStore;
import org.opencentral.core.store.Page;

/**
 * Jobs in {@code jobs} (the definition as IoT Central's JSON) and their devices in
 * {@code job_devices}. Recording an outcome updates the device row only while it is pending and
 * moves the job's counters in the same transaction, so a repeated record changes nothing.
 */
final class JdbcJobStore implements JobStore {
    private static final String COLUMNS = "id, scheduled_job_id, definition, organization, status, started_at, "
            + "ended_at, total, completed, failed, created_by, created_at";
    private static final int INSERT_CHUNK = 500;

    private final JdbcDatabase database;

    JdbcJobStore(JdbcDatabase database) {
        this.database = database;
    }

    @Override
    public Job insert(Job job) {
        return database.write(c -> {
            int inserted = Jdbc.update(c, "INSERT INTO jobs (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + "?, ?) ON CONFLICT DO NOTHING", job.id(), Jdbc.nullableText(job.scheduledJobId()),
                    Json.write(JobDefinitionJson.write(job.definition())),
                    Jdbc.nullableText(job.definition().organization()), job.status().wireName(),
                    Jdbc.nullableMillis(job.start()), Jdbc.nullableMillis(job.end()), job.progress().total(),
                    job.progress().completed(), job.progress().failed(), job.createdBy(), Jdbc.millis(job.created()));
            if (inserted == 0) {
                throw DomainException.conflict("job '" + job.id() + "' already exists");
            }
            return job;
        });
    }

    @Override
    public Optional<Job> find(String id) {
        return database.read(c -> Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM jobs WHERE id = ?",
                JdbcJobStore::map, id));
    }

    @Override
    public Page<Job> list(Optional<Set<String>> organizations, Optional<String> scheduledJob, Optional<String> after,
            int limit) {
        KeysetPages.requirePositive(limit);
        if (organizations.filter(Set::isEmpty).isPresent()) {
            return new Page<>(List.of(), Optional.empty());
        }
        List<Object> parameters = new ArrayList<>(List.of(after.orElse("")));
        StringBuilder where = new StringBuilder("id > ?");
        where.append(KeysetPages.organizationIn(organizations, parameters));
        scheduledJob.ifPresent(s -> {
            where.append(" AND scheduled_job_id = ?");
            parameters.add(s);
        });
        parameters.add(limit + 1);
        return KeysetPages.page(database.read(c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM jobs WHERE " + where
                + " ORDER BY id LIMIT ?", JdbcJobStore::map, parameters.toArray())), limit, Job::id);
    }

    @Override
    public List<Job> withStatus(Set<JobStatus> statuses) {
        if (statuses.isEmpty()) {
            return List.of();
        }
        List<Object> names = statuses.stream().map(JobStatus::wireName).sorted().<Object>map(s -> s).toList();
        return database.read(c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM jobs WHERE status IN ("
                + String.join(", ", Collections.nCopies(names.size(), "?")) + ") ORDER BY created_at, id",
                JdbcJobStore::map, names.toArray()));
    }

    @Override
    public boolean fixDevices(String id, List<DeviceId> devices, int batchSize, Instant at) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        return database.write(c -> {
            int started = Jdbc.update(c, "UPDATE jobs SET started_at = ?, total = ? "
                    + "WHERE id = ? AND status = ? AND started_at IS NULL", Jdbc.millis(at), devices.size(), id,
                    JobStatus.PENDING.wireName());
            if (started == 0) {
                return false;
            }
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < devices.size(); i++) {
                rows.add(new Object[] {id, devices.get(i).value(), i / batchSize, DeviceJobStatus.PENDING.wireName()});
                if (rows.size() == INSERT_CHUNK) {
                    insertDevices(c, rows);
                    rows.clear();
                }
            }
            insertDevices(c, rows);
            return true;
        });
    }

    private static void insertDevices(java.sql.Connection c, List<Object[]> rows) throws SQLException {
        if (!rows.isEmpty()) {
            Jdbc.batch(c, "INSERT INTO job_devices (job_id, device_id, batch, status) VALUES (?, ?, ?, ?)", rows);
        }
    }

    @Override
    public boolean transition(String id, Set<JobStatus> from, JobStatus to, Optional<Instant> end) {
        if (from.isEmpty()) {
            return false;
        }
        List<Object> parameters = new ArrayList<>(List.of(to.wireName()));
        parameters.add(Jdbc.nullableMillis(end));
        parameters.add(id);
        from.stream().map(JobStatus::wireName).sorted().forEach(parameters::add);
        return database.write(c -> Jdbc.update(c, "UPDATE jobs SET status = ?, ended_at = ? WHERE id = ? AND status IN ("
                + String.join(", ", Collections.nCopies(from.size(), "?")) + ")", parameters.toArray())) > 0;
    }

    @Override
    public Page<JobDevice> devices(String id, Optional<DeviceJobStatus> status, Optional<String> after, int limit) {
        KeysetPages.requirePositive(limit);
        List<Object> parameters = new ArrayList<>(List.of(id, after.orElse("")));
        status.ifPresent(s -> parameters.add(s.wireName()));
        parameters.add(limit + 1);
        return KeysetPages.page(database.read(c -> Jdbc.query(c, "SELECT device_id, batch, status, reason FROM job_devices "
                + "WHERE job_id = ? AND device_id > ?" + status.map(s -> " AND status = ?").orElse("")
                + " ORDER BY device_id LIMIT ?", JdbcJobStore::device, parameters.toArray())), limit,
                d -> d.device().value());
    }

    @Override
    public List<JobDevice> nextPending(String id, int limit) {
        KeysetPages.requirePositive(limit);
        String pending = DeviceJobStatus.PENDING.wireName();
        return database.read(c -> Jdbc.query(c, "SELECT device_id, batch, status, reason FROM job_devices "
                + "WHERE job_id = ? AND status = ? AND batch = (SELECT MIN(batch) FROM job_devices "
                + "WHERE job_id = ? AND status = ?) ORDER BY device_id LIMIT ?", JdbcJobStore::device, id, pending,
                id, pending, limit));
    }

    @Override
    public boolean record(String id, DeviceId device, DeviceJobStatus outcome, Optional<String> reason) {
        if (outcome == DeviceJobStatus.PENDING) {
            throw new IllegalArgumentException("an outcome is completed or failed");
        }
        return database.write(c -> {
            int changed = Jdbc.update(c, "UPDATE job_devices SET status = ?, reason = ? "
                    + "WHERE job_id = ? AND device_id = ? AND status = ?", outcome.wireName(),
                    Jdbc.nullableText(reason), id, device.value(), DeviceJobStatus.PENDING.wireName());
            if (changed == 0) {
                return false;
            }
            String counter = outcome == DeviceJobStatus.COMPLETED ? "completed" : "failed";
            Jdbc.update(c, "UPDATE jobs SET " + counter + " = " + counter + " + 1 WHERE id = ?", id);
            return true;
        });
    }

    @Override
    public int failedInBatch(String id, int batch) {
        return database.<Long>read(c -> Jdbc.queryLong(c, "SELECT COUNT(*) FROM job_devices "
                + "WHERE job_id = ? AND batch = ? AND status = ?", id, batch, DeviceJobStatus.FAILED.wireName())).intValue();
    }

    private static Job map(ResultSet row) throws SQLException {
        return new Job(row.getString("id"), Optional.ofNullable(row.getString("scheduled_job_id")),
                JobDefinitionJson.read(Json.parse(row.getString("definition")), ""),
                JobStatus.ofWire(row.getString("status")).orElseThrow(
                        () -> new IllegalStateException("unknown job status in the store")),
                Jdbc.optionalInstant(row, "started_at"), Jdbc.optionalInstant(row, "ended_at"),
                new JobProgress(row.getInt("total"), row.getInt("completed"), row.getInt("failed")),
                row.getString("created_by"), Jdbc.instant(row, "created_at"));
    }

    private static JobDevice device(ResultSet row) throws SQLException {
        return new JobDevice(DeviceId.of(row.getString("device_id")), row.getInt("batch"),
                DeviceJobStatus.ofWire(row.getString("status")).orElseThrow(
                        () -> new IllegalStateException("unknown device status in the store")),
                Optional.ofNullable(row.getString("reason")));
    }
}
