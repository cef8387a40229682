package org.opencentral.store.eventlog;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencentral.core.DomainException;
import org.opencentral.store.contract.SharedPostgres;

class PostgresEventLogTest extends EventLogContract {
    private String url;

    @BeforeEach
    void newSchema() {
        url = SharedPostgres.newSchemaUrl("log");
    }

    @Override
    protected GroupCommitLog openLog(TailLimits tail) {
        return PostgresEventLog.open(url, "postgres", "postgres", tail);
    }

    @Test
    void aSecondWriterIsRefusedWhileTheFirstHoldsTheLog() {
        try (GroupCommitLog first = openLog()) {
            assertThatThrownBy(this::openLog).isInstanceOf(DomainException.class)
                    .hasStackTraceContaining("single writer");
        }
        openLog().close();
    }
}
