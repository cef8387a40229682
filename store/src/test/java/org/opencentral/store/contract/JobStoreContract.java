package org.opencentral.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencentral.store.contract.Fixtures.T0;
import static org.opencentral.store.contract.Fixtures.assertFails;
import static org.opencentral.store.contract.Fixtures.id;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.job.DeviceJobStatus;
import org.opencentral.core.job.Job;
import org.opencentral.core.job.JobAmount;
import org.opencentral.core.job.JobData;
import org.opencentral.core.job.JobDefinition;
import org.opencentral.core.job.JobDevice;
import org.opencentral.core.job.JobProgress;
import org.opencentral.core.job.JobStatus;

/**
 * Jobs: the definition round-trips, devices are fixed once at start in batches, each outcome is
 * recorded once together with the job's progress, and statuses move only from the states named.
 */
public interface JobStoreContract extends StoreFixture {
    private static Job job(String id, Optional<String> organization, Optional<String> scheduled) {
        JobDefinition definition = new JobDefinition("Job " + id, Optional.of("about"), "g1",
                Optional.of(new JobAmount(JobAmount.Kind.PERCENTAGE, 50)),
                Optional.of(new JobDefinition.CancellationThreshold(new JobAmount(JobAmount.Kind.NUMBER, 2), true)),
                List.of(new JobData.Command("dtmi:t;1", "c1/reboot", Json.parse("{\"delay\":1}"), 30),
                        new JobData.Property("dtmi:t;1", "fan", Json.parse("3")),
                        new JobData.TemplateMigration("dtmi:t;2")),
                organization.map(List::of).orElse(List.of()));
        return Job.pending(id, scheduled, definition, "apiToken:t", T0);
    }

    private static List<DeviceId> ids(String... values) {
        return java.util.Arrays.stream(values).map(DeviceId::of).toList();
    }

    @Test
    default void aJobRoundTripsAndIsListedByOrganizationAndScheduledJob() {
        Job stored = store().jobs().insert(job("j1", Optional.empty(), Optional.empty()));
        store().jobs().insert(job("j2", Optional.of("west"), Optional.of("s1")));
        assertThat(reopen().jobs().find("j1")).contains(stored);
        assertFails(ErrorCode.CONFLICT, () -> store().jobs().insert(job("j1", Optional.empty(), Optional.empty())));

        assertThat(store().jobs().list(Optional.empty(), Optional.empty(), Optional.empty(), 1).items())
                .extracting(Job::id).containsExactly("j1");
        assertThat(store().jobs().list(Optional.empty(), Optional.empty(), Optional.of("j1"), 1).items())
                .extracting(Job::id).containsExactly("j2");
        assertThat(store().jobs().list(Optional.of(Set.of("west")), Optional.empty(), Optional.empty(), 10).items())
                .extracting(Job::id).containsExactly("j2");
        assertThat(store().jobs().list(Optional.empty(), Optional.of("s1"), Optional.empty(), 10).items())
                .extracting(Job::id).containsExactly("j2");
        assertThat(store().jobs().list(Optional.of(Set.of()), Optional.empty(), Optional.empty(), 10).items()).isEmpty();
        assertThat(store().jobs().withStatus(Set.of(JobStatus.PENDING))).extracting(Job::id).containsExactly("j1", "j2");
    }

    @Test
    default void aJobsDevicesAreFixedInBatchesOnce() {
        store().jobs().insert(job("j1", Optional.empty(), Optional.empty()));
        assertThat(store().jobs().fixDevices("j1", ids("d3", "d1", "d2"), 2, T0.plusSeconds(1))).isTrue();
        assertThat(store().jobs().fixDevices("j1", ids("d9"), 2, T0.plusSeconds(2))).isFalse();

        Job started = store().jobs().find("j1").orElseThrow();
        assertThat(started.status()).isEqualTo(JobStatus.PENDING);
        assertThat(started.start()).contains(T0.plusSeconds(1));
        assertThat(started.progress()).isEqualTo(new JobProgress(3, 0, 0));
        assertThat(store().jobs().nextPending("j1", 10)).extracting(d -> d.device().value(), JobDevice::batch)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("d1", 0), org.assertj.core.groups.Tuple.tuple("d3", 0));
    }

    @Test
    default void anOutcomeIsRecordedOnceWithTheProgress() {
        store().jobs().insert(job("j1", Optional.empty(), Optional.empty()));
        store().jobs().fixDevices("j1", ids("a", "b", "c"), 2, T0);

        assertThat(store().jobs().record("j1", id("a"), DeviceJobStatus.COMPLETED, Optional.empty())).isTrue();
        assertThat(store().jobs().record("j1", id("a"), DeviceJobStatus.FAILED, Optional.of("late"))).isFalse();
        assertThat(store().jobs().record("j1", id("b"), DeviceJobStatus.FAILED, Optional.of("device offline"))).isTrue();
        assertThat(store().jobs().record("j1", id("zz"), DeviceJobStatus.COMPLETED, Optional.empty())).isFalse();

        assertThat(reopen().jobs().find("j1").orElseThrow().progress()).isEqualTo(new JobProgress(3, 1, 1));
        assertThat(store().jobs().failedInBatch("j1", 0)).isEqualTo(1);
        assertThat(store().jobs().failedInBatch("j1", 1)).isZero();
        assertThat(store().jobs().nextPending("j1", 10)).extracting(d -> d.device().value()).containsExactly("c");
        assertThat(store().jobs().devices("j1", Optional.empty(), Optional.empty(), 10).items()).containsExactly(
                new JobDevice(id("a"), 0, DeviceJobStatus.COMPLETED, Optional.empty()),
                new JobDevice(id("b"), 0, DeviceJobStatus.FAILED, Optional.of("device offline")),
                new JobDevice(id("c"), 1, DeviceJobStatus.PENDING, Optional.empty()));
        var failed = store().jobs().devices("j1", Optional.of(DeviceJobStatus.FAILED), Optional.empty(), 10);
        assertThat(failed.items()).extracting(d -> d.device().value()).containsExactly("b");
        var first = store().jobs().devices("j1", Optional.empty(), Optional.empty(), 2);
        assertThat(first.next()).contains("b");
    }

    @Test
    default void statusesMoveOnlyFromTheStatesNamed() {
        store().jobs().insert(job("j1", Optional.empty(), Optional.empty()));
        assertThat(store().jobs().transition("j1", Set.of(JobStatus.RUNNING), JobStatus.STOPPED, Optional.empty()))
                .isFalse();
        assertThat(store().jobs().transition("j1", Set.of(JobStatus.PENDING, JobStatus.RUNNING), JobStatus.STOPPED,
                Optional.empty())).isTrue();
        assertThat(store().jobs().transition("j1", Set.of(JobStatus.STOPPED), JobStatus.CANCELLED,
                Optional.of(T0))).isTrue();
        Job done = store().jobs().find("j1").orElseThrow();
        assertThat(done.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(done.end()).contains(T0);
        assertThat(store().jobs().find("nope")).isEmpty();
    }
}
