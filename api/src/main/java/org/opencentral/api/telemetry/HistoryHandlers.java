package org.opencentral.api.telemetry;

import java.time.Clock;
import org.opencentral.api.http.ApiCall;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.telemetry.SeriesKey;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.platform.device.DeviceRegistry;

/**
 * Telemetry history of one capability (an OpenCentral extension): the raw points of a window, or
 * min/max-preserving buckets when there are more than {@code maxPoints}. 404 for no device; a
 * capability without values answers an empty list of points.
 */
public final class HistoryHandlers {
    private final DeviceRegistry devices;
    private final TelemetryStore store;
    private final Clock clock;

    public HistoryHandlers(DeviceRegistry devices, TelemetryStore store, Clock clock) {
        this.devices = devices;
        this.store = store;
        this.clock = clock;
    }

    public void get(ApiCall call) {
        answer(call, "");
    }

    public void getInComponent(ApiCall call) {
        answer(call, call.pathParam("componentName"));
    }

    private void answer(ApiCall call, String component) {
        DeviceId id = call.deviceId();
        HistoryRequest request = HistoryRequest.parse(call.query("from"), call.query("to"), call.query("maxPoints"),
                clock.instant());
        devices.get(id);
        SeriesKey series = new SeriesKey(id, component, call.pathParam("telemetryName"));
        call.json(200, HistoryJson.of(store.history(series, request.range(), request.maxPoints())));
    }
}
