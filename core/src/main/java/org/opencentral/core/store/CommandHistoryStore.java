package org.opencentral.core.store;

import java.util.List;
import java.util.Optional;
import org.opencentral.core.device.DeviceId;

/**
 * The command history: every invocation per device and command, newest first. Only the newest
 * {@value #KEEP} invocations of each device and command are kept, and a device's history disappears
 * with the device.
 */
public interface CommandHistoryStore {
    /** How many invocations of one command on one device are kept. */
    int KEEP = 100;

    /**
     * Stores the records in one transaction, in order (their sequences are ignored), dropping those of
     * devices that no longer exist, and trims each device and command touched to the newest {@value #KEEP}.
     * Returns how many were stored.
     */
    int append(List<CommandRecord> records);

    /**
     * The history of {@code command} on {@code device}, newest first, {@code limit} at a time, older
     * than sequence {@code before} (exclusive) when given; the page cursor is a sequence.
     */
    Page<CommandRecord> list(DeviceId device, String command, Optional<Long> before, int limit);
}
