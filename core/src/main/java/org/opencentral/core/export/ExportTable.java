package org.opencentral.core.export;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The port to a {@code postgresql@v1} destination's table (the store module implements it over
 * JDBC): a batch of rows inserted in one transaction, a row whose idempotency key is already there
 * skipped. Opened per destination by an {@link Opener}; closed when the destination's pipe is dropped.
 */
public interface ExportTable extends AutoCloseable {

    /** One exported message: its idempotency key, its device (if any), its source, enqueued time and JSON body. */
    record Row(String key, Optional<String> device, String source, Instant enqueued, String message) {
        public Row {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(enqueued, "enqueued");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Inserts {@code rows} in one transaction; on {@link Refused} nothing of them was committed. */
    void insert(List<Row> rows) throws Refused;

    /** Releases the table's connection; the next insert connects again. */
    @Override
    void close();

    /** Opens the table of a destination (connecting at the first insert). */
    @FunctionalInterface
    interface Opener {
        ExportTable open(PostgresDestination destination);
    }

    /** The database refused a batch; the message names the table, never the password. */
    final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }
}
