package org.opencentral.api.telemetry;

import static io.javalin.http.HandlerType.GET;
import static org.opencentral.platform.security.Permission.DEVICES_VIEW;

import java.time.Clock;
import java.util.List;
import org.opencentral.api.http.Access;
import org.opencentral.api.http.ApiRoute;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.platform.device.DeviceRegistry;

/**
 * The telemetry history rows of the route table: OpenCentral extensions, with the permission and
 * organization scoping of the last-value routes they sit under.
 */
public final class HistoryRoutes {
    private static final String DEVICE = "/api/devices/{deviceId}";
    private static final String HISTORY = "/telemetry/{telemetryName}/history";

    private HistoryRoutes() {
    }

    public static List<ApiRoute> table(DeviceRegistry devices, TelemetryStore store, Clock clock) {
        var history = new HistoryHandlers(devices, store, clock);
        return List.of(
                ApiRoute.of(GET, DEVICE + HISTORY, Access.onDevice(DEVICES_VIEW), history::get, true),
                ApiRoute.of(GET, DEVICE + "/components/{componentName}" + HISTORY, Access.onDevice(DEVICES_VIEW),
                        history::getInComponent, true));
    }
}
