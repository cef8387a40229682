package org.opencentral.api.telemetry;

import static io.javalin.http.HandlerType.GET;
import static org.opencentral.platform.security.Permission.DEVICES_VIEW_RAW_DATA;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opencentral.api.http.Access;
import org.opencentral.api.http.ApiCall;
import org.opencentral.api.http.ApiError;
import org.opencentral.api.http.ApiRoute;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.platform.device.DeviceRegistry;
import org.opencentral.platform.telemetry.RawMessage;
import org.opencentral.platform.telemetry.RawMessages;

/**
 * OpenCentral extension {@code GET /api/devices/{deviceId}/rawData}: the device's stored telemetry
 * messages and connection changes, newest first, each with its body as text, its application
 * properties and an {@code error} when the body is not a JSON object ({@link RawMessages}). Paged
 * by {@code maxpagesize} (1..{@value RawMessages#MAX_PAGE}, default {@value #DEFAULT_PAGE}) and
 * {@code nextLink}, whose {@code $skiptoken} is a sequence number of the event log. Requires IoT
 * Central's "view raw data" permission; devices outside the caller's organizations answer 404.
 */
public final class RawDataHandlers {
    static final int DEFAULT_PAGE = 100;

    private final DeviceRegistry devices;
    private final RawMessages messages;

    public RawDataHandlers(DeviceRegistry devices, RawMessages messages) {
        this.devices = devices;
        this.messages = messages;
    }

    /** The route-table row of this extension. */
    public static ApiRoute route(DeviceRegistry devices, RawMessages messages) {
        var handlers = new RawDataHandlers(devices, messages);
        return ApiRoute.of(GET, "/api/devices/{deviceId}/rawData", Access.onDevice(DEVICES_VIEW_RAW_DATA),
                handlers::list, true);
    }

    public void list(ApiCall call) {
        DeviceId id = call.deviceId();
        devices.get(id);
        int size = call.query("maxpagesize").map(RawDataHandlers::pageSize).orElse(DEFAULT_PAGE);
        long before = call.query("$skiptoken").map(RawDataHandlers::skipToken).orElse(Long.MAX_VALUE);
        RawMessages.Page page = messages.before(id, before, size);
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("value");
        page.messages().forEach(m -> items.add(toJson(m)));
        page.nextBefore().ifPresent(next -> body.put("nextLink", call.url() + "?api-version="
                + call.query("api-version").orElseThrow() + "&maxpagesize=" + size + "&$skiptoken=" + next));
        call.json(200, body);
    }

    static ObjectNode toJson(RawMessage message) {
        ObjectNode json = Json.object();
        json.put("sequence", message.sequence());
        json.put("time", message.time().toString());
        json.put("kind", message.kind().wireName());
        message.component().ifPresent(c -> json.put("component", c));
        json.put("body", message.body());
        ObjectNode properties = json.putObject("properties");
        message.properties().forEach(properties::put);
        message.reason().ifPresent(r -> json.put("reason", r));
        message.error().ifPresent(e -> json.put("error", e));
        return json;
    }

    private static int pageSize(String text) {
        long size = number(text, "maxpagesize");
        if (size < 1 || size > RawMessages.MAX_PAGE) {
            throw ApiError.badRequest("maxpagesize must be between 1 and " + RawMessages.MAX_PAGE);
        }
        return (int) size;
    }

    private static long skipToken(String text) {
        long token = number(text, "$skiptoken");
        if (token < 1) {
            throw ApiError.badRequest("'" + text + "' is not a $skiptoken of this list");
        }
        return token;
    }

    private static long number(String text, String parameter) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("'" + text + "' is not a valid " + parameter);
        }
    }
}
