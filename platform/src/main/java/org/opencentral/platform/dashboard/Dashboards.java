package org.opencentral.platform.dashboard;

import java.util.Objects;

/** The dashboards feature as the platform assembles it: the dashboards and their tiles' data. */
public record Dashboards(DashboardService service, TileData data) {
    public Dashboards {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(data, "data");
    }
}
