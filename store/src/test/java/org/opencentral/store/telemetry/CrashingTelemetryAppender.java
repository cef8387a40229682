package org.opencentral.store.telemetry;

import java.nio.file.Path;
import java.util.List;
import org.opencentral.core.telemetry.TelemetryPoint;
import org.opencentral.core.telemetry.TelemetryStore;

/**
 * Child-process main for {@link DuckDbTelemetryCrashTest}: appends the sample data in batches, says
 * "appended" (every batch committed, rollup deltas likely still pending) and waits to be killed.
 */
public final class CrashingTelemetryAppender {
    private CrashingTelemetryAppender() {
    }

    public static void main(String[] args) throws Exception {
        TelemetryStore store = DuckDbTelemetryStore.open(Path.of(args[0]));
        List<TelemetryPoint> points = Samples.threeDays(2, 5);
        for (int i = 0; i < points.size(); i += 500) {
            store.append(points.subList(i, Math.min(points.size(), i + 500)));
        }
        System.out.println("appended");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
