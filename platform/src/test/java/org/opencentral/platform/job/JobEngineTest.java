package org.opencentral.platform.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.job.DeviceJobStatus;
import org.opencentral.core.job.JobDevice;
import org.opencentral.core.job.JobProgress;
import org.opencentral.core.job.JobStatus;

/** The job engine stepped by hand on a fake clock, over real services and a real SQLite store. */
@Timeout(60)
class JobEngineTest {
    private static final String REBOOT = "{\"displayName\":\"Reboot\",\"group\":\"fans\",\"data\":[{\"type\":\"command\","
            + "\"target\":\"" + JobFixture.TEMPLATE + "\",\"path\":\"reboot\",\"value\":{\"delay\":1}}]";

    @TempDir
    Path dir;
    JobFixture fixture;

    private JobFixture start(JobSettings settings) {
        fixture = new JobFixture(dir, settings);
        fixture.publishTemplate();
        return fixture;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private static List<org.assertj.core.groups.Tuple> statuses(List<JobDevice> devices) {
        return devices.stream().map(d -> tuple(d.device().value(), d.status(), d.reason().orElse(""))).toList();
    }

    @Test
    void aCommandJobRecordsEachDevicesOutcomeAndCompletes() {
        JobFixture f = start(JobSettings.DEFAULTS);
        f.devices("fan-1", "fan-2", "fan-3");
        f.connect("fan-1", "fan-3");
        f.create("reboot", REBOOT + "}");
        assertThat(f.job("reboot").status()).isEqualTo(JobStatus.PENDING);

        f.engine.runOnce();
        f.clock.advance(Duration.ofSeconds(5));
        f.engine.runOnce();

        assertThat(statuses(f.outcomes("reboot"))).containsExactly(
                tuple("fan-1", DeviceJobStatus.COMPLETED, ""),
                tuple("fan-2", DeviceJobStatus.FAILED, "device offline"),
                tuple("fan-3", DeviceJobStatus.COMPLETED, ""));
        var job = f.job("reboot");
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETE);
        assertThat(job.progress()).isEqualTo(new JobProgress(3, 2, 1));
        assertThat(job.end().orElseThrow()).isEqualTo(job.start().orElseThrow().plusSeconds(5));
        assertThat(f.calls.get(DeviceId.of("fan-1"))).containsExactly("reboot");
    }

    @Test
    void aDeviceThatConnectsWithinTheJobsConnectionTimeoutRunsItsCommand() throws Exception {
        JobFixture f = start(JobSettings.DEFAULTS);
        f.devices("fan-1");
        f.create("patient", REBOOT.replace("\"value\":{\"delay\":1}", "\"value\":{},\"connectionTimeout\":30") + "}");
        var stepping = java.util.concurrent.CompletableFuture.runAsync(f.engine::runOnce);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> f.job("patient").progress().total() == 1);
        f.connect("fan-1");
        f.sessions.subscribed(DeviceId.of("fan-1"));
        stepping.get(20, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(statuses(f.outcomes("patient"))).containsExactly(tuple("fan-1", DeviceJobStatus.COMPLETED, ""));
    }

    @Test
    void propertyAndCloudPropertyJobsCompleteOnOfflineDevicesOnceStored() {
        JobFixture f = start(JobSettings.DEFAULTS);
        f.devices("fan-1", "fan-2");
        f.create("settings", "{\"group\":\"fans\",\"data\":[{\"type\":\"property\",\"target\":\"" + JobFixture.TEMPLATE
                + "\",\"path\":\"speed\",\"value\":3},{\"type\":\"cloudProperty\",\"target\":\"" + JobFixture.TEMPLATE
                + "\",\"path\":\"site\",\"value\":\"Hall 2\"}]}");

        f.engine.runOnce();
        f.engine.runOnce();

        assertThat(f.job("settings").status()).isEqualTo(JobStatus.COMPLETE);
        assertThat(f.job("settings").progress()).isEqualTo(new JobProgress(2, 2, 0));
        assertThat(f.twins.get(DeviceId.of("fan-2")).desired().properties().get("speed")).isEqualTo(Json.parse("3"));
        assertThat(f.state.cloudProperties().list(DeviceId.of("fan-1"))).extracting(v -> v.value().asText())
                .containsExactly("Hall 2");
    }

    @Test
    void anInvalidValueFailsEachDeviceWithTheReason() {
        JobFixture f = start(JobSettings.DEFAULTS);
        f.devices("fan-1");
        f.create("bad", "{\"group\":\"fans\",\"data\":[{\"type\":\"property\",\"target\":\"" + JobFixture.TEMPLATE
                + "\",\"path\":\"speed\",\"value\":\"fast\"}]}");
        f.engine.runOnce();
        f.engine.runOnce();

        assertThat(f.job("bad").status()).isEqualTo(JobStatus.FAILED);
        assertThat(f.outcomes("bad").getFirst().reason().orElseThrow()).startsWith("invalid value for 'speed'");
    }

    @Test
    void batchesRunInTurnAndAPerBatchThresholdCancelsTheJob() {
        JobFixture f = start(JobSettings.DEFAULTS);
        f.devices("fan-1", "fan-2", "fan-3", "fan-4", "fan-5", "fan-6");
        f.connect("fan-1", "fan-5", "fan-6");
        f.create("batched", REBOOT + ",\"batch\":{\"type\":\"number\",\"value\":2},"
                + "\"cancellationThreshold\":{\"type\":\"percentage\",\"value\":100,\"batch\":true}}");

        f.engine.runOnce();
        assertThat(f.job("batched").progress()).isEqualTo(new JobProgress(6, 1, 1));
        f.engine.runOnce();
        assertThat(f.job("batched").progress()).isEqualTo(new JobProgress(6, 1, 3));
        f.engine.runOnce();

        assertThat(f.job("batched").status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(f.outcomes("batched")).extracting(JobDevice::status).containsExactly(DeviceJobStatus.COMPLETED,
                DeviceJobStatus.FAILED, DeviceJobStatus.FAILED, DeviceJobStatus.FAILED, DeviceJobStatus.PENDING,
                DeviceJobStatus.PENDING);
        assertThat(f.calls).doesNotContainKey(DeviceId.of("fan-5"));
    }

    @Test
    void atMostMaxRunningJobsRunAndTheRestWaitInPending() {
        JobFixture f = start(new JobSettings(1, 100, 30));
        f.devices("fan-1");
        f.connect("fan-1");
        f.create("first", REBOOT + "}");
        f.create("second", REBOOT + "}");

        f.engine.runOnce();
        assertThat(f.job("first").status()).isEqualTo(JobStatus.RUNNING);
        assertThat(f.job("second").status()).isEqualTo(JobStatus.PENDING);
        f.engine.runOnce();
        assertThat(f.job("first").status()).isEqualTo(JobStatus.COMPLETE);
        f.engine.runOnce();
        f.engine.runOnce();
        assertThat(f.job("second").status()).isEqualTo(JobStatus.COMPLETE);
    }

    @Test
    void theMembersAreFixedWhenTheJobStarts() {
        JobFixture f = start(new JobSettings(5, 1, 30));
        f.devices("fan-1", "fan-2");
        f.connect("fan-1", "fan-2", "fan-3");
        f.create("fixed", REBOOT + "}");
        f.engine.runOnce();
        f.devices("fan-3");
        f.engine.runOnce();
        f.engine.runOnce();

        assertThat(f.job("fixed").status()).isEqualTo(JobStatus.COMPLETE);
        assertThat(f.outcomes("fixed")).extracting(d -> d.device().value()).containsExactly("fan-1", "fan-2");
        assertThat(f.calls).doesNotContainKey(DeviceId.of("fan-3"));
    }

    @Test
    void aRestartContinuesWhereTheStoreSaysAndNeverRunsARecordedDeviceAgain() {
        JobSettings oneAtATime = new JobSettings(5, 1, 30);
        JobFixture f = start(oneAtATime);
        f.devices("fan-1", "fan-2", "fan-3");
        f.connect("fan-1", "fan-2", "fan-3");
        f.create("restart", REBOOT + "}");
        f.engine.runOnce();
        assertThat(f.job("restart").progress()).isEqualTo(new JobProgress(3, 1, 0));

        f.restart(oneAtATime);
        f.connect("fan-1", "fan-2", "fan-3");
        for (int i = 0; i < 4; i++) {
            f.engine.runOnce();
        }

        assertThat(f.job("restart").status()).isEqualTo(JobStatus.COMPLETE);
        assertThat(f.job("restart").progress()).isEqualTo(new JobProgress(3, 3, 0));
        assertThat(f.calls.values()).allSatisfy(calls -> assertThat(calls).containsExactly("reboot"));
        assertThat(f.calls).hasSize(3);
    }

    @Test
    void stopResumeAndRerunOnTheFailedDevices() {
        JobFixture f = start(JobSettings.DEFAULTS);
        f.devices("fan-1", "fan-2");
        f.connect("fan-1");
        f.create("job", REBOOT + "}");
        f.jobs.stop("job", JobFixture.EVERYWHERE);
        f.engine.runOnce();
        assertThat(f.job("job").status()).isEqualTo(JobStatus.STOPPED);
        assertThat(f.calls).isEmpty();
        assertFails(ErrorCode.CONFLICT, () -> f.jobs.stop("job", JobFixture.EVERYWHERE));

        f.jobs.resume("job", JobFixture.EVERYWHERE);
        f.engine.runOnce();
        f.engine.runOnce();
        assertThat(f.job("job").progress()).isEqualTo(new JobProgress(2, 1, 1));
        assertFails(ErrorCode.CONFLICT, () -> f.jobs.resume("job", JobFixture.EVERYWHERE));

        f.connect("fan-2");
        var rerun = f.jobs.rerun("job", "job-rerun", "user:alice", JobFixture.EVERYWHERE);
        assertThat(rerun.progress().total()).isEqualTo(1);
        f.engine.runOnce();
        f.engine.runOnce();
        assertThat(statuses(f.outcomes("job-rerun"))).containsExactly(tuple("fan-2", DeviceJobStatus.COMPLETED, ""));
        assertThat(f.job("job-rerun").status()).isEqualTo(JobStatus.COMPLETE);
        assertFails(ErrorCode.CONFLICT, () -> f.jobs.rerun("job-rerun", "again", "user:alice", JobFixture.EVERYWHERE));
    }

    @Test
    void aJobNamesAnExistingGroupAndTemplates() {
        JobFixture f = start(JobSettings.DEFAULTS);
        assertFails(ErrorCode.BAD_REQUEST, () -> f.create("j", REBOOT.replace("\"fans\"", "\"nope\"") + "}"));
        assertFails(ErrorCode.BAD_REQUEST, () -> f.create("j", REBOOT.replace(JobFixture.TEMPLATE, "dtmi:x;1") + "}"));
        assertFails(ErrorCode.BAD_REQUEST, () -> f.create("bad id", REBOOT + "}"));
        f.create("j", REBOOT + "}");
        assertFails(ErrorCode.CONFLICT, () -> f.create("j", REBOOT + "}"));
        assertFails(ErrorCode.NOT_FOUND, () -> f.jobs.get("j", new org.opencentral.platform.organization.AccessScope(
                false, java.util.Set.of("west"))));
    }

    @Test
    void aTemplateMigrationMovesEachDevice() {
        JobFixture f = start(JobSettings.DEFAULTS);
        f.devices("fan-1");
        f.templates.publish("dtmi:test:Fan;2", new org.opencentral.platform.template.TemplateDraft(
                org.opencentral.core.template.DeviceTemplate.DEFAULT_TYPES, Optional.empty(), Optional.empty(),
                Optional.of(Json.parseObject("{\"@id\":\"dtmi:test:FanModel;2\",\"@type\":\"Interface\","
                        + "\"@context\":\"dtmi:dtdl:context;2\",\"contents\":[]}"))));
        f.create("move", "{\"group\":\"fans\",\"data\":[{\"type\":\"deviceTemplateMigration\","
                + "\"template\":\"dtmi:test:Fan;2\"}]}");
        f.engine.runOnce();
        f.engine.runOnce();
        assertThat(f.job("move").status()).isEqualTo(JobStatus.COMPLETE);
        assertThat(f.devices.get(DeviceId.of("fan-1")).template()).contains("dtmi:test:Fan;2");
    }

    private static void assertFails(ErrorCode code, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
