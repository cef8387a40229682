package org.opencentral.platform.dashboard;

import static org.opencentral.platform.dashboard.TilePart.CAPABILITIES;
import static org.opencentral.platform.dashboard.TilePart.CHART_FORMAT;
import static org.opencentral.platform.dashboard.TilePart.GROUP;
import static org.opencentral.platform.dashboard.TilePart.TEXT_FORMAT;
import static org.opencentral.platform.dashboard.TilePart.TIME_RANGE;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The tile configurations of IoT Central's 2022-10-31-preview document, one row per
 * {@code type} with the parts its schema is made of ({@code LineChartConfiguration} is
 * {@code GroupTileConfiguration} + {@code TileCapabilityConfiguration} + a query range + a chart
 * format, and so on), and two OpenCentral extensions for the default dashboard. A {@code deviceCount}
 * tile may also say {@code "connected": true} (an extension) to count connected devices only.
 */
public enum TileType {
    LINE_CHART("lineChart", GROUP, CAPABILITIES, TilePart.TIME_OR_COUNT_RANGE, CHART_FORMAT),
    BAR_CHART("barChart", GROUP, CAPABILITIES, TIME_RANGE, CHART_FORMAT),
    PIE_CHART("pieChart", GROUP, CAPABILITIES, TIME_RANGE, CHART_FORMAT),
    HEAT_MAP_CHART("heatMapChart", GROUP, CAPABILITIES, TIME_RANGE, CHART_FORMAT),
    EVENT_CHART("eventChart", GROUP, CAPABILITIES, TIME_RANGE),
    EVENT_HISTORY_CHART("eventHistoryChart", GROUP, CAPABILITIES, TIME_RANGE, TEXT_FORMAT),
    STATE_CHART("stateChart", GROUP, CAPABILITIES, TIME_RANGE),
    STATE_HISTORY_CHART("stateHistoryChart", GROUP, CAPABILITIES, TIME_RANGE, TEXT_FORMAT),
    KPI("kpi", GROUP, CAPABILITIES, TIME_RANGE, TEXT_FORMAT),
    LKV("lkv", GROUP, CAPABILITIES, TEXT_FORMAT),
    PROPERTY("property", GROUP, CAPABILITIES, TEXT_FORMAT),
    MAP_PROPERTY("mapProperty", GROUP, CAPABILITIES, TilePart.MAP),
    MAP_TELEMETRY("mapTelemetry", GROUP, CAPABILITIES, TilePart.MAP),
    DEVICE_COUNT("deviceCount", TilePart.OPTIONAL_GROUP, TEXT_FORMAT),
    COMMAND("command", TilePart.COMMAND),
    DATA_EXPLORER("dataExplorer", TilePart.DATA_EXPLORER, TilePart.EXPLORER_QUERY, CAPABILITIES),
    EXTERNAL_CONTENT("externalContent", TilePart.EXTERNAL_CONTENT),
    IMAGE("image", TilePart.IMAGE),
    LABEL("label", TilePart.LABEL),
    MARKDOWN("markdown", TilePart.MARKDOWN),
    /** OpenCentral extension: device-to-cloud messages per minute over the last hour. */
    MESSAGE_RATE("messageRate"),
    /** OpenCentral extension: the newest unmodeled or invalid telemetry of any device. */
    TELEMETRY_ISSUES("telemetryIssues");

    private final String wireName;
    private final Set<TilePart> parts;

    TileType(String wireName, TilePart... parts) {
        this.wireName = wireName;
        this.parts = Set.of(parts);
    }

    public String wireName() {
        return wireName;
    }

    /** Whether the tile reads a device group's data (and so needs its group). */
    public boolean grouped() {
        return parts.contains(GROUP);
    }

    public static Optional<TileType> byWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    /** What is wrong with {@code configuration} (a tile of this type); empty when nothing is. */
    List<String> problems(ObjectNode configuration) {
        List<String> problems = new ArrayList<>();
        for (TilePart part : TilePart.values()) {
            if (parts.contains(part)) {
                part.check(configuration, problems::add);
            }
        }
        return problems;
    }

    /** The wire names, for error messages. */
    static List<String> wireNames() {
        return Arrays.stream(values()).map(TileType::wireName).toList();
    }
}
