package org.opencentral.core.store;

import java.util.List;
import java.util.Optional;
import org.opencentral.core.security.AuditEntry;

/** The audit log: append-only, read newest first. */
public interface AuditLogStore {
    /** Appends an entry (its sequence is ignored) and returns it with the sequence it was given. */
    AuditEntry append(AuditEntry entry);

    /** Entries newest first, older than sequence {@code before} (exclusive) when given; the cursor is a sequence. */
    Page<AuditEntry> list(Optional<Long> before, int limit);

    /** Up to {@code limit} entries with a sequence greater than {@code afterSequence}, oldest first. */
    List<AuditEntry> after(long afterSequence, int limit);
}
