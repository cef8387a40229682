package org.opencentral.platform.dashboard;

import java.util.List;
import java.util.Optional;
import org.opencentral.core.Json;
import org.opencentral.core.dashboard.Dashboard;
import org.opencentral.core.dashboard.Tile;

/**
 * The dashboard a new application starts with (an organization dashboard of the application root):
 * how many devices there are, how many are connected, messages per minute, and the newest
 * telemetry issues.
 */
final class DefaultDashboard {
    static final String ID = "default";

    private DefaultDashboard() {
    }

    static Dashboard dashboard() {
        return new Dashboard(ID, "Overview", List.of(
                tile("devices", "Devices", "{\"type\":\"deviceCount\"}", 0, 0, 2, 2),
                tile("connected", "Connected devices", "{\"type\":\"deviceCount\",\"connected\":true}", 2, 0, 2, 2),
                tile("messages", "Messages per minute", "{\"type\":\"messageRate\"}", 4, 0, 4, 2),
                tile("issues", "Newest telemetry issues", "{\"type\":\"telemetryIssues\"}", 0, 2, 8, 3)),
                false, Optional.empty(), "", List.of());
    }

    private static Tile tile(String id, String name, String configuration, int x, int y, int width, int height) {
        return new Tile(id, name, Json.parseObject(configuration), x, y, width, height);
    }
}
