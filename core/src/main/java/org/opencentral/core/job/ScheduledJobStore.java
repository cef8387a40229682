package org.opencentral.core.job;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opencentral.core.store.Page;

/** Scheduled jobs; an occurrence's job and the count of handled occurrences change in one transaction. */
public interface ScheduledJobStore {
    /** Stores a new scheduled job with a fresh etag; CONFLICT if the id exists. */
    ScheduledJob insert(ScheduledJob job);

    Optional<ScheduledJob> find(String id);

    Page<ScheduledJob> list(Optional<Set<String>> organizations, Optional<String> after, int limit);

    /** The enabled scheduled jobs (the scheduler's work list). */
    List<ScheduledJob> enabled();

    /**
     * Replaces definition, schedule and enabled if the stored etag is {@code expectedEtag} (a fresh
     * etag is stored; the occurrence count is kept); PRECONDITION_FAILED otherwise, NOT_FOUND if absent.
     */
    ScheduledJob update(ScheduledJob job, String expectedEtag);

    boolean delete(String id);

    /**
     * Inserts {@code job} (an occurrence) and sets the count of handled occurrences to
     * {@code occurrences}, if the stored count is still {@code expected}; false (nothing changed) otherwise.
     */
    boolean occur(String id, int expected, int occurrences, Job job);
}
