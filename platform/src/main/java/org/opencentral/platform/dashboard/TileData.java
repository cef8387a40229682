package org.opencentral.platform.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.Json;
import org.opencentral.core.dashboard.Tile;
import org.opencentral.core.telemetry.TimeRange;
import org.opencentral.platform.organization.AccessScope;
import org.opencentral.platform.security.Permission;

/**
 * Every tile's data of one dashboard refresh, in one call: {@code {tileId: {type, data}}}, or
 * {@code {type, error}} for a tile that could not be answered (the others still are). Tiles read
 * only the devices and groups the caller may view ({@code devices.view}, {@code deviceGroups.view}
 * within its organizations); a group's members are resolved once per refresh. Tiles that show no
 * data (markdown, label, image, external content, command) or whose data OpenCentral does not
 * compute yet (event and state charts, a data explorer tile naming no group) answer {@code data: null}.
 */
public final class TileData {
    private final TileSources sources;
    private final TelemetryTiles telemetry;
    private final DeviceTiles devices;
    private final ExplorerTiles explorer;

    public TileData(TileSources sources) {
        this.sources = sources;
        this.telemetry = new TelemetryTiles(sources.telemetry().queries());
        this.devices = new DeviceTiles(sources);
        this.explorer = new ExplorerTiles(telemetry, sources.twins());
    }

    /** The data of {@code tiles} over the {@code shared} range (none: each tile's own range). */
    public ObjectNode answer(List<Tile> tiles, Optional<TimeRange> shared, DashboardCaller caller) {
        Refresh refresh = new Refresh(shared, scope(caller, Permission.DEVICE_GROUPS_VIEW),
                scope(caller, Permission.DEVICES_VIEW), sources.clock().instant(), new HashMap<>());
        ObjectNode answer = Json.object();
        for (Tile tile : tiles) {
            ObjectNode one = answer.putObject(tile.id()).put("type", tile.type());
            try {
                one.set("data", data(tile, refresh).orElse(null));
            } catch (DomainException e) {
                one.put("error", e.getMessage());
            }
        }
        return answer;
    }

    /** What one refresh shares among its tiles. */
    private record Refresh(Optional<TimeRange> shared, AccessScope groups, AccessScope devices, Instant now,
            Map<String, List<String>> members) {
    }

    private Optional<JsonNode> data(Tile tile, Refresh refresh) {
        JsonNode config = tile.configuration();
        TileType type = TileType.byWireName(tile.type()).orElseThrow(() -> DomainException.badRequest(
                "unknown tile type '" + tile.type() + "'"));
        return Optional.ofNullable(switch (type) {
            case LINE_CHART, BAR_CHART, PIE_CHART, HEAT_MAP_CHART -> telemetry.chart(config,
                    members(config, refresh), TileRange.of(refresh.shared(), config, refresh.now()));
            case KPI -> telemetry.kpi(config, members(config, refresh),
                    TileRange.of(refresh.shared(), config, refresh.now()));
            case LKV -> devices.lastValues(config, members(config, refresh));
            case PROPERTY -> devices.properties(config, members(config, refresh));
            case MAP_TELEMETRY -> devices.locations(config, members(config, refresh), true);
            case MAP_PROPERTY -> devices.locations(config, members(config, refresh), false);
            case DEVICE_COUNT -> devices.count(config, refresh.groups(), refresh.devices());
            case MESSAGE_RATE -> devices.messageRate();
            case TELEMETRY_ISSUES -> devices.issues(refresh.devices());
            case DATA_EXPLORER -> explorer.explore(config, members(config, refresh),
                    TileRange.of(refresh.shared(), config, refresh.now()));
            case EVENT_CHART, EVENT_HISTORY_CHART, STATE_CHART, STATE_HISTORY_CHART, COMMAND,
                    EXTERNAL_CONTENT, IMAGE, LABEL, MARKDOWN -> null;
        });
    }

    private List<String> members(JsonNode config, Refresh refresh) {
        String key = config.path("group").asText() + " " + config.path("devices");
        return refresh.members().computeIfAbsent(key, k -> TileDevices.of(sources.groups(), config,
                refresh.groups(), refresh.devices()));
    }

    private static AccessScope scope(DashboardCaller caller, Permission permission) {
        return caller.holds(permission) ? caller.scope(permission) : new AccessScope(false, java.util.Set.of());
    }
}
