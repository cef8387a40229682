package org.opencentral.store.eventlog;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.opencentral.core.DomainException;
import org.opencentral.store.contract.SharedPostgres;

/** The child appends to PostgreSQL and is killed; the server (in this JVM) keeps running. */
class PostgresEventLogCrashTest extends EventLogCrashContract {
    private final String url = SharedPostgres.newSchemaUrl("crash");

    @Override
    protected List<String> appenderArguments() {
        return List.of("postgres", url, "postgres", "postgres");
    }

    /** The killed child's session ends (and frees the writer lock) a moment after the kill. */
    @Override
    protected GroupCommitLog reopen() {
        AtomicReference<GroupCommitLog> log = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20)).ignoreException(DomainException.class)
                .until(() -> log.compareAndSet(null, PostgresEventLog.open(url, "postgres", "postgres")));
        return log.get();
    }
}
