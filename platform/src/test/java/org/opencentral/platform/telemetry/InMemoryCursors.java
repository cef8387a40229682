package org.opencentral.platform.telemetry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opencentral.core.store.CursorStore;

/** A real, in-memory cursor store. */
final class InMemoryCursors implements CursorStore {
    private final Map<String, Long> positions = new ConcurrentHashMap<>();

    @Override
    public long position(String consumer) {
        return positions.getOrDefault(consumer, 0L);
    }

    @Override
    public void save(String consumer, long sequence) {
        positions.put(consumer, sequence);
    }
}
