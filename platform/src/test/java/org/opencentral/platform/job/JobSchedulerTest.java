package org.opencentral.platform.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.Json;
import org.opencentral.core.job.Job;
import org.opencentral.core.job.JobDefinitionJson;
import org.opencentral.core.job.JobSchedule;
import org.opencentral.core.job.JobStatus;
import org.opencentral.core.job.ScheduleJson;
import org.opencentral.core.job.ScheduledJob;
import org.opencentral.core.security.AuditEntry;

/** Scheduled jobs on a fake clock over a real SQLite store: occurrences, missed ones after a restart, the end. */
@Timeout(60)
class JobSchedulerTest {
    private static final String SPEED = "{\"displayName\":\"Nightly speed\",\"group\":\"fans\",\"data\":[{\"type\":"
            + "\"property\",\"target\":\"" + JobFixture.TEMPLATE + "\",\"path\":\"speed\",\"value\":2}]}";

    @TempDir
    Path dir;
    JobFixture f;

    @AfterEach
    void close() {
        f.close();
    }

    private ScheduledJob schedule(String id, String schedule, boolean enabled) {
        return f.engine.scheduled().put(id, new ScheduledJobService.Changes(
                JobDefinitionJson.read(Json.parse(SPEED), id), ScheduleJson.read(Json.parse(schedule)), enabled),
                Optional.empty(), "user:alice", JobFixture.EVERYWHERE, JobFixture.EVERYWHERE);
    }

    private List<String> occurrences(String id) {
        return f.jobs.list(JobFixture.EVERYWHERE, Optional.of(id), Optional.empty(), 100).items().stream()
                .map(Job::id).toList();
    }

    @Test
    void aDailyJobCreatesItsOccurrencesAndMissedOnesRunOnceAfterARestart() {
        f = new JobFixture(dir, JobSettings.DEFAULTS);
        f.publishTemplate();
        f.devices("fan-1");
        Instant start = f.clock.instant().plus(Duration.ofHours(1));
        schedule("nightly", "{\"recurrence\":\"daily\",\"start\":\"" + start + "\",\"end\":{\"type\":\"occurrences\","
                + "\"occurrences\":5}}", true);

        f.engine.runOnce();
        assertThat(occurrences("nightly")).isEmpty();
        f.clock.advance(Duration.ofHours(1));
        f.engine.runOnce();
        f.engine.runOnce();
        assertThat(occurrences("nightly")).containsExactly("nightly-1");
        assertThat(f.job("nightly-1").status()).isEqualTo(JobStatus.COMPLETE);
        assertThat(f.job("nightly-1").scheduledJobId()).contains("nightly");
        f.clock.advance(Duration.ofDays(1));
        f.engine.runOnce();
        assertThat(occurrences("nightly")).containsExactly("nightly-1", "nightly-2");

        f.restart(JobSettings.DEFAULTS);
        f.clock.advance(Duration.ofDays(2));
        f.engine.runOnce();
        f.engine.runOnce();
        assertThat(occurrences("nightly")).containsExactly("nightly-1", "nightly-2", "nightly-4");
        AuditEntry missed = f.audit.list(Optional.empty(), 10).items().getFirst();
        assertThat(missed.action()).isEqualTo("RUN scheduled job (missed occurrences run once)");
        assertThat(missed.actor()).isEqualTo("user:alice");
        assertThat(missed.after()).isEqualTo(Json.parse("{\"job\":\"nightly-4\",\"occurrence\":4,\"missed\":1}"));

        f.clock.advance(Duration.ofDays(1));
        f.engine.runOnce();
        f.clock.advance(Duration.ofDays(7));
        f.engine.runOnce();
        assertThat(occurrences("nightly")).containsExactly("nightly-1", "nightly-2", "nightly-4", "nightly-5");
        assertThat(f.engine.scheduled().get("nightly", JobFixture.EVERYWHERE).completed()).isTrue();
    }

    @Test
    void aDisabledJobCreatesNothingUntilEnabled() {
        f = new JobFixture(dir, JobSettings.DEFAULTS);
        f.publishTemplate();
        String once = "{\"start\":\"" + f.clock.instant() + "\"}";
        ScheduledJob off = schedule("once", once, false);
        f.engine.runOnce();
        assertThat(occurrences("once")).isEmpty();

        f.engine.scheduled().put("once", new ScheduledJobService.Changes(off.definition(), off.schedule(), true),
                Optional.of(off.etag()), "user:bob", JobFixture.EVERYWHERE, JobFixture.EVERYWHERE);
        f.engine.runOnce();
        f.clock.advance(Duration.ofDays(30));
        f.engine.runOnce();
        assertThat(occurrences("once")).containsExactly("once-1");
        assertThat(f.engine.scheduled().get("once", JobFixture.EVERYWHERE).completed()).isTrue();
    }

    @Test
    void weeklyAndMonthlyOccurrencesFollowTheCalendarUntilTheEndDate() {
        JobSchedule monthly = ScheduleJson.read(Json.parse("{\"recurrence\":\"monthly\",\"start\":"
                + "\"2027-01-31T08:00:00Z\",\"end\":{\"type\":\"date\",\"date\":\"2027-04-29\"}}"));
        assertThat(monthly.occurrence(1)).contains(Instant.parse("2027-02-28T08:00:00Z"));
        assertThat(monthly.occurrence(2)).contains(Instant.parse("2027-03-31T08:00:00Z"));
        assertThat(monthly.occurrence(3)).isEmpty();
        JobSchedule weekly = ScheduleJson.read(Json.parse("{\"recurrence\":\"weekly\",\"start\":\"2027-01-01T00:00:00Z\"}"));
        assertThat(weekly.occurrence(2)).contains(Instant.parse("2027-01-15T00:00:00Z"));
        assertThat(weekly.lastDue(0, Instant.parse("2027-01-20T00:00:00Z"))).contains(2);
        assertThat(ScheduleJson.write(monthly)).isEqualTo(Json.parse("{\"recurrence\":\"monthly\",\"start\":"
                + "\"2027-01-31T08:00:00Z\",\"end\":{\"type\":\"date\",\"date\":\"2027-04-29\"}}"));
        f = new JobFixture(dir, JobSettings.DEFAULTS);
    }
}
