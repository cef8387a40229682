package org.opencentral.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencentral.store.contract.Fixtures.T0;
import static org.opencentral.store.contract.Fixtures.assertFails;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.core.job.Job;
import org.opencentral.core.job.JobData;
import org.opencentral.core.job.JobDefinition;
import org.opencentral.core.job.JobSchedule;
import org.opencentral.core.job.ScheduledJob;

/** Scheduled jobs: round trip with etags and organization scope; an occurrence's job and count change together. */
public interface ScheduledJobStoreContract extends StoreFixture {
    private static ScheduledJob scheduled(String id, boolean enabled, List<String> organizations) {
        JobDefinition definition = new JobDefinition("Nightly", Optional.empty(), "g1", Optional.empty(),
                Optional.empty(), List.of(new JobData.Property("dtmi:t;1", "fan", Json.parse("1"))), organizations);
        return new ScheduledJob(id, definition, new JobSchedule(Optional.of(JobSchedule.Recurrence.MONTHLY), T0,
                Optional.of(new JobSchedule.End.OnDate(LocalDate.of(2027, 6, 30)))), enabled, "", 0, "user:alice", T0);
    }

    @Test
    default void aScheduledJobRoundTripsWithEtagsAndIsListedByOrganization() {
        ScheduledJob stored = store().scheduledJobs().insert(scheduled("s1", true, List.of()));
        store().scheduledJobs().insert(scheduled("s2", false, List.of("west")));
        assertThat(reopen().scheduledJobs().find("s1")).contains(stored);
        assertFails(ErrorCode.CONFLICT, () -> store().scheduledJobs().insert(scheduled("s1", true, List.of())));
        assertThat(store().scheduledJobs().enabled()).extracting(ScheduledJob::id).containsExactly("s1");
        assertThat(store().scheduledJobs().list(Optional.of(Set.of("west")), Optional.empty(), 10).items())
                .extracting(ScheduledJob::id).containsExactly("s2");
        assertThat(store().scheduledJobs().list(Optional.empty(), Optional.empty(), 1).next()).contains("s1");

        assertFails(ErrorCode.PRECONDITION_FAILED, () -> store().scheduledJobs().update(scheduled("s1", false,
                List.of()), "stale"));
        assertFails(ErrorCode.NOT_FOUND, () -> store().scheduledJobs().update(scheduled("nope", false, List.of()), "e"));
        ScheduledJob disabled = store().scheduledJobs().update(scheduled("s1", false, List.of()), stored.etag());
        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.etag()).isNotEqualTo(stored.etag());
        assertThat(store().scheduledJobs().delete("s1")).isTrue();
        assertThat(store().scheduledJobs().delete("s1")).isFalse();
    }

    @Test
    default void anOccurrenceInsertsItsJobAndCountsOnce() {
        ScheduledJob s = store().scheduledJobs().insert(scheduled("s1", true, List.of()));
        Job first = Job.pending(s.jobId(0), Optional.of("s1"), s.definition(), s.createdBy(), T0);
        assertThat(store().scheduledJobs().occur("s1", 0, 1, first)).isTrue();
        assertThat(store().scheduledJobs().occur("s1", 0, 1, first)).isFalse();
        Job third = Job.pending(s.jobId(2), Optional.of("s1"), s.definition(), s.createdBy(), T0);
        assertThat(store().scheduledJobs().occur("s1", 1, 3, third)).isTrue();

        assertThat(reopen().scheduledJobs().find("s1").orElseThrow().occurrences()).isEqualTo(3);
        assertThat(store().jobs().list(Optional.empty(), Optional.of("s1"), Optional.empty(), 10).items())
                .extracting(Job::id).containsExactly("s1-1", "s1-3");
    }
}
