package org.opencentral.api.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.opencentral.api.http.ApiCall;
import org.opencentral.api.http.ApiError;
import org.opencentral.core.Json;
import org.opencentral.core.dashboard.Dashboard;
import org.opencentral.core.dashboard.Tile;
import org.opencentral.core.telemetry.TimeRange;
import org.opencentral.platform.dashboard.DashboardCaller;
import org.opencentral.platform.dashboard.Dashboards;
import org.opencentral.platform.dashboard.TileRange;

/**
 * Extension: {@code POST /api/dashboards/{id}/data} answers every tile of the dashboard in one
 * call, for the time range the body shares among them ({@code duration}, or {@code from} and
 * {@code to}); with {@code tiles} in the body it answers those instead (a tile being configured, a
 * data explorer query), checked like stored tiles; {@code POST /api/dashboards/data} answers the
 * body's tiles without a dashboard (the data explorer's queries). A read: neither audited nor CSRF-checked.
 */
final class TileDataHandler {
    private final Dashboards dashboards;
    private final java.time.Clock clock;

    TileDataHandler(Dashboards dashboards, java.time.Clock clock) {
        this.dashboards = dashboards;
        this.clock = clock;
    }

    void data(ApiCall call) throws IOException {
        DashboardCaller caller = DashboardHandlers.caller(call);
        Dashboard dashboard = dashboards.service().get(call.pathParam(DashboardHandlers.ID), caller);
        answer(call, call.bodyObject(), caller, dashboard.tiles());
    }

    /** {@code POST /api/dashboards/data}: the body's unsaved {@code tiles}, of no dashboard (the data explorer). */
    void unsaved(ApiCall call) throws IOException {
        ObjectNode body = call.bodyObject();
        if (!body.path("tiles").isArray()) {
            throw ApiError.badRequest("'tiles' is required: the tiles to answer");
        }
        answer(call, body, DashboardHandlers.caller(call), List.of());
    }

    private void answer(ApiCall call, ObjectNode body, DashboardCaller caller, List<Tile> stored) throws IOException {
        Optional<TimeRange> shared = TileRange.shared(value(body, "from", Instant::parse),
                value(body, "to", Instant::parse), value(body, "duration", Duration::parse), clock.instant());
        List<Tile> tiles = DashboardJson.tiles(body.get("tiles")).map(dashboards.service()::checked)
                .orElse(stored);
        ObjectNode answer = Json.object();
        shared.ifPresent(r -> answer.put("from", r.from().toString()).put("to", r.to().toString()));
        answer.set("tiles", dashboards.data().answer(tiles, shared, caller));
        call.json(200, answer);
    }

    private static <T> Optional<T> value(ObjectNode body, String name, Function<String, T> parse) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(value.asText()));
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("'" + name + "' is not " + (name.equals("duration")
                    ? "an ISO 8601 duration (PT30M, P1D, …)" : "an ISO 8601 time (2026-01-01T00:00:00Z)"));
        }
    }
}
