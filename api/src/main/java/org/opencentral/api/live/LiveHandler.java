package org.opencentral.api.live;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opencentral.api.http.Access;
import org.opencentral.api.http.ApiCall;
import org.opencentral.api.http.ApiError;
import org.opencentral.api.http.StreamRoute;
import org.opencentral.core.Json;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.platform.device.DeviceRegistry;
import org.opencentral.platform.organization.AccessScope;
import org.opencentral.platform.security.Permission;

/**
 * {@code GET /api/live?api-version=…&devices=a,b} (at most {@value #MAX_DEVICES} ids): a
 * {@code text/event-stream} for callers holding {@code devices.view}, by API token or session cookie.
 * It opens with one {@code state} event per device, then relays the device's events from the log;
 * a comment every {@value #HEARTBEAT_MILLIS} ms keeps proxies from closing it and notices a browser
 * that went away. Devices that do not exist or lie outside the caller's organizations answer 404
 * before the stream starts (the same answer, as elsewhere). The request's virtual thread writes
 * the stream until the browser disconnects or the server stops.
 */
public final class LiveHandler {
    public static final String PATH = "/api/live";
    static final int MAX_DEVICES = 100;
    static final long HEARTBEAT_MILLIS = 15_000;
    static final String RETRY = "retry: 3000\n\n";
    static final String KEEP_ALIVE = ": keep-alive\n\n";
    static final String OVERFLOW = "event: overflow\ndata: {}\n\n";

    private final LiveFeed feed;
    private final DeviceRegistry devices;

    public LiveHandler(LiveFeed feed, DeviceRegistry devices) {
        this.feed = feed;
        this.devices = devices;
    }

    /** The route-table row of the live feed. */
    public static StreamRoute route(LiveFeed feed, DeviceRegistry devices) {
        return new StreamRoute(PATH, Access.requires(Permission.DEVICES_VIEW), new LiveHandler(feed, devices)::stream,
                "Live updates of the named devices as Server-Sent Events: a state event per device, then "
                        + "telemetry, properties, connection changes as they are stored; overflow when the "
                        + "caller fell behind; a comment every 15 s.",
                Map.of("devices", "Comma-separated ids of 1 to " + MAX_DEVICES + " devices (required)."));
    }

    public void stream(ApiCall call) throws IOException, InterruptedException {
        Set<DeviceId> ids = ids(call.query("devices").orElse(null));
        AccessScope scope = call.scope(Permission.DEVICES_VIEW);
        List<LiveEvents.Sse> initial = new ArrayList<>();
        for (DeviceId id : ids) {
            Device device = devices.get(id);
            if (!scope.covers(device.organization())) {
                throw org.opencentral.core.DomainException.notFound("device '" + id + "'");
            }
            initial.add(LiveEvents.state(device));
        }
        try (LiveFeed.Subscription subscription = feed.subscribe(ids)) {
            OutputStream out = call.eventStream();
            write(out, RETRY);
            for (LiveEvents.Sse event : initial) {
                send(out, event);
            }
            stream(out, subscription);
        } catch (IOException browserLeft) {
            // The browser closed the stream; nothing to answer.
        }
    }

    private static void stream(OutputStream out, LiveFeed.Subscription subscription)
            throws IOException, InterruptedException {
        while (true) {
            LiveFeed.Item item = subscription.poll(HEARTBEAT_MILLIS);
            switch (item) {
                case null -> write(out, KEEP_ALIVE);
                case LiveFeed.Delivered delivered -> {
                    Optional<LiveEvents.Sse> event = LiveEvents.of(delivered.event());
                    if (event.isPresent()) {
                        send(out, event.get());
                    }
                }
                case LiveFeed.JobChanged job -> {
                    // a device stream watches no jobs
                }
                case LiveFeed.Overflow overflow -> write(out, OVERFLOW);
                case LiveFeed.Closed closed -> {
                    return;
                }
            }
        }
    }

    private static Set<DeviceId> ids(String param) {
        if (param == null || param.isBlank()) {
            throw ApiError.badRequest("'devices' is required: a comma-separated list of device ids");
        }
        Set<DeviceId> ids = new LinkedHashSet<>();
        for (String part : param.split(",")) {
            if (!part.isBlank()) {
                ids.add(DeviceId.of(part.trim()));
            }
        }
        if (ids.isEmpty() || ids.size() > MAX_DEVICES) {
            throw ApiError.badRequest("'devices' must name 1 to " + MAX_DEVICES + " device ids");
        }
        return ids;
    }

    static void send(OutputStream out, LiveEvents.Sse event) throws IOException {
        write(out, "event: " + event.name() + "\ndata: " + Json.write(event.data()) + "\n\n");
    }

    static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
