package org.opencentral.store.jdbc;

import java.util.Optional;

/**
 * What differs between the state-store engines. The queries themselves are shared: both engines
 * accept {@code INSERT ... ON CONFLICT}, {@code CASE}, {@code LIMIT} and bind parameters alike.
 */
public enum Dialect {
    /** Embedded default: one file, one writer at a time (the write transaction is IMMEDIATE). */
    SQLITE("sqlite", Optional.empty()),
    /** Production: several nodes may start at once, so migrations take an advisory lock. */
    POSTGRES("postgres", Optional.of("SELECT pg_advisory_xact_lock(7316094551227) IS NOT NULL"));

    private final String migrationFolder;
    private final Optional<String> migrationLock;

    Dialect(String migrationFolder, Optional<String> migrationLock) {
        this.migrationFolder = migrationFolder;
        this.migrationLock = migrationLock;
    }

    /** The class-path folder of this dialect's migration files, under {@code db/state/}. */
    public String migrationFolder() {
        return migrationFolder;
    }

    /** A query that serializes concurrent migrators until the end of the transaction, if needed. */
    public Optional<String> migrationLock() {
        return migrationLock;
    }
}
