package org.opencentral.platform.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.core.dashboard.Tile;
import org.opencentral.core.telemetry.TimeRange;
import org.opencentral.platform.organization.AccessScope;
import org.opencentral.platform.security.Permission;

/**
 * Every tile's data of one dashboard refresh, in one call: {@code {tileId: {type, data}}}, or
 * {@code {type, error}} for a tile that could not be answered (the others still are). Tiles read
 * only the devices and groups the caller may view ({@code devices.view}, {@code deviceGroups.view}
 * within its organizations); a group's members are resolved once per refresh, however many tiles
 * (answered concurrently) show it. Tiles that show no data (markdown, label, image, external
 * content, command) or whose data OpenCentral does not hold (a data explorer tile naming an IoT
 * Central query rather than a group) answer {@code data: null}.
 */
public final class TileData {
    /** The most tiles answered at once. */
    static final int PARALLEL = 3;
    private static final ThreadFactory THREADS = Thread.ofPlatform().name("dashboard-tile-", 0).daemon()
            .factory();

    private final TileSources sources;
    private final DeviceTiles devices;
    private final ExplorerTiles explorer;
    private final EventTiles events;

    public TileData(TileSources sources) {
        this.sources = sources;
        this.devices = new DeviceTiles(sources);
        this.explorer = new ExplorerTiles(sources.telemetry().queries(), sources.twins());
        this.events = new EventTiles(sources.telemetry().queries());
    }

    /**
     * The data of {@code tiles} over the {@code shared} range (none: each tile's own range). Tiles
     * are answered concurrently, at most {@value #PARALLEL} at a time (the telemetry stores serve
     * concurrent readers); the answer lists them in the given order.
     */
    public ObjectNode answer(List<Tile> tiles, Optional<TimeRange> shared, DashboardCaller caller) {
        Refresh refresh = new Refresh(shared, scope(caller, Permission.DEVICE_GROUPS_VIEW),
                scope(caller, Permission.DEVICES_VIEW), sources.clock().instant(), new ConcurrentHashMap<>(),
                new TileStatements(sources.telemetry().queries()));
        tiles.forEach(tile -> plan(tile, refresh));
        List<Future<ObjectNode>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.clamp(tiles.size(), 1, PARALLEL), THREADS)) {
            tiles.forEach(tile -> answers.add(pool.submit(() -> answer(tile, refresh))));
        }
        ObjectNode answer = Json.object();
        for (int i = 0; i < tiles.size(); i++) {
            answer.set(tiles.get(i).id(), done(answers.get(i)));
        }
        return answer;
    }

    /**
     * Plans the statements of a chart, pie, KPI or telemetry map tile; one that cannot be planned
     * answers its error later.
     */
    private void plan(Tile tile, Refresh refresh) {
        Optional<TileType> type = TileType.byWireName(tile.type());
        Optional<TelemetryTiles.Kind> kind = type.flatMap(TileData::kind);
        boolean track = type.equals(Optional.of(TileType.MAP_TELEMETRY));
        if (kind.isEmpty() && !track) {
            return;
        }
        JsonNode config = tile.configuration();
        try {
            TileRange range = TileRange.of(refresh.shared(), config, refresh.now());
            if (track) {
                Tracks.plan(config, members(config, refresh), range, refresh.statements());
            } else {
                TelemetryTiles.plan(config, members(config, refresh), range, kind.get(), refresh.statements());
            }
        } catch (DomainException e) {
            // answered as the tile's error
        }
    }

    /** How a tile of {@code type} aggregates telemetry, if it does. */
    private static Optional<TelemetryTiles.Kind> kind(TileType type) {
        return switch (type) {
            case LINE_CHART, BAR_CHART, HEAT_MAP_CHART -> Optional.of(TelemetryTiles.Kind.CHART);
            case PIE_CHART -> Optional.of(TelemetryTiles.Kind.PIE);
            case KPI -> Optional.of(TelemetryTiles.Kind.KPI);
            default -> Optional.empty();
        };
    }

    private ObjectNode answer(Tile tile, Refresh refresh) {
        ObjectNode one = Json.object().put("type", tile.type());
        try {
            one.set("data", data(tile, refresh).orElse(null));
        } catch (DomainException e) {
            one.put("error", e.getMessage());
        }
        return one;
    }

    /** A finished tile's answer; what it threw other than a {@link DomainException} is thrown again. */
    private static ObjectNode done(Future<ObjectNode> answer) {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException(ErrorCode.UNAVAILABLE, "the dashboard refresh was interrupted", e);
        }
    }

    /** What one refresh shares among its tiles. */
    private record Refresh(Optional<TimeRange> shared, AccessScope groups, AccessScope devices, Instant now,
            ConcurrentMap<String, List<String>> members, TileStatements statements) {
    }

    private Optional<JsonNode> data(Tile tile, Refresh refresh) {
        JsonNode config = tile.configuration();
        TileType type = TileType.byWireName(tile.type()).orElseThrow(() -> DomainException.badRequest(
                "unknown tile type '" + tile.type() + "'"));
        return Optional.ofNullable(switch (type) {
            case LINE_CHART, BAR_CHART, HEAT_MAP_CHART -> TelemetryTiles.chart(config, members(config, refresh),
                    range(config, refresh), refresh.statements());
            case PIE_CHART -> TelemetryTiles.pie(config, members(config, refresh), range(config, refresh),
                    refresh.statements());
            case KPI -> TelemetryTiles.kpi(config, members(config, refresh), range(config, refresh),
                    refresh.statements());
            case EVENT_CHART, EVENT_HISTORY_CHART, STATE_CHART, STATE_HISTORY_CHART -> events.events(config,
                    members(config, refresh), range(config, refresh));
            case LKV -> devices.lastValues(config, members(config, refresh));
            case PROPERTY -> devices.properties(config, members(config, refresh));
            case MAP_TELEMETRY -> telemetryMap(config, refresh);
            case MAP_PROPERTY -> devices.locations(config, members(config, refresh), false);
            case DEVICE_COUNT -> devices.count(config, refresh.groups(), refresh.devices());
            case MESSAGE_RATE -> devices.messageRate();
            case TELEMETRY_ISSUES -> devices.issues(refresh.devices());
            case DATA_EXPLORER -> explorer.explore(config, members(config, refresh), range(config, refresh));
            case COMMAND, EXTERNAL_CONTENT, IMAGE, LABEL, MARKDOWN -> null;
        });
    }

    /** A telemetry map: each device's last location, and its track over the range. */
    private ObjectNode telemetryMap(JsonNode config, Refresh refresh) {
        List<String> members = members(config, refresh);
        ObjectNode data = devices.locations(config, members, true);
        data.set("tracks", Tracks.tracks(config, members, range(config, refresh), refresh.statements()));
        return data;
    }

    private static TileRange range(JsonNode config, Refresh refresh) {
        return TileRange.of(refresh.shared(), config, refresh.now());
    }

    private List<String> members(JsonNode config, Refresh refresh) {
        String key = config.path("group").asText() + " " + config.path("devices");
        return refresh.members().computeIfAbsent(key, k -> TileDevices.of(sources.groups(), config,
                refresh.groups(), refresh.devices()));
    }

    private static AccessScope scope(DashboardCaller caller, Permission permission) {
        return caller.holds(permission) ? caller.scope(permission) : new AccessScope(false, Set.of());
    }
}
