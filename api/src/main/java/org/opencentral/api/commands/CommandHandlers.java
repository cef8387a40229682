package org.opencentral.api.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.opencentral.api.devices.DevicePaging;
import org.opencentral.api.http.ApiCall;
import org.opencentral.api.http.ApiError;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.CommandOutcome;
import org.opencentral.core.store.CommandRecord;
import org.opencentral.core.store.Page;
import org.opencentral.platform.command.CommandCall;
import org.opencentral.platform.command.CommandService;
import org.opencentral.platform.device.DeviceRegistry;

/**
 * Runs commands: 201 with the device's answer; 404 {@code NotFound} for an unknown device,
 * 404 {@code DeviceNotOnline} when it is not connected within {@code connectionTimeout},
 * 504 {@code GatewayTimeout} when it does not answer within {@code responseTimeout}. Reads a
 * command's history on a device: newest first, {@code maxpagesize} (1..100, default 100) per page
 * with {@code nextLink}; the newest 100 invocations of each command are kept. A valid call's audit
 * entry (the request as {@code after}) is written while the device answers, and recorded whatever the
 * outcome (as the command history records it); the answer leaves once the entry is stored.
 */
public final class CommandHandlers {
    private final DeviceRegistry devices;
    private final CommandService commands;

    public CommandHandlers(DeviceRegistry devices, CommandService commands) {
        this.devices = devices;
        this.commands = commands;
    }

    public void run(ApiCall call) throws Exception {
        execute(call, call.pathParam("commandName"));
    }

    public void runInComponent(ApiCall call) throws Exception {
        execute(call, componentMethod(call));
    }

    public void history(ApiCall call) {
        list(call, call.pathParam("commandName"));
    }

    public void historyInComponent(ApiCall call) {
        list(call, componentMethod(call));
    }

    private static String componentMethod(ApiCall call) {
        return call.pathParam("componentName") + "*" + call.pathParam("commandName");
    }

    private void execute(ApiCall call, String methodName) throws Exception {
        DeviceId id = call.deviceId();
        CommandRequest request = CommandRequest.of(call.body());
        devices.requireExists(id);
        CommandRecord record = commands.run(new CommandCall(id, methodName, request.request(),
                request.connectionTimeout(), request.responseTimeout(), call.principal().actor()),
                () -> call.auditAhead(request.toJson()));
        call.json(201, toJson(record));
    }

    private void list(ApiCall call, String methodName) {
        DeviceId id = call.deviceId();
        DevicePaging paging = DevicePaging.of(call.query("maxpagesize"), call.query("$top"),
                call.query(DevicePaging.SKIP_TOKEN), call.query("$filter"), call.query("$orderby"));
        devices.requireExists(id);
        Page<CommandRecord> page = commands.history(id, methodName, paging.after().map(CommandHandlers::sequence),
                paging.size());
        ObjectNode body = Json.object();
        ArrayNode value = body.putArray("value");
        page.items().forEach(r -> value.add(toJson(r)));
        page.next().ifPresent(next -> body.put("nextLink",
                paging.nextLink(call.url(), call.query("api-version").orElseThrow(), next)));
        call.json(200, body);
    }

    private static long sequence(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("invalid " + DevicePaging.SKIP_TOKEN + "; follow nextLink as given");
        }
    }

    /** IoT Central's DeviceCommand; {@code response} and {@code responseCode} only when the device answered. */
    static ObjectNode toJson(CommandRecord record) {
        ObjectNode body = Json.object();
        body.put("id", record.id());
        body.put("connectionTimeout", record.connectionTimeout());
        body.put("responseTimeout", record.responseTimeout());
        record.request().ifPresent(r -> body.set("request", r));
        Optional<CommandOutcome.Answered> answered = switch (record.outcome()) {
            case CommandOutcome.Answered a -> Optional.of(a);
            case CommandOutcome.NotConnected n -> Optional.empty();
            case CommandOutcome.TimedOut t -> Optional.empty();
        };
        answered.ifPresent(a -> {
            body.set("response", a.payload());
            body.put("responseCode", a.status());
        });
        return body;
    }
}
