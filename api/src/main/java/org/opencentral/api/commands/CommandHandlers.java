package org.opencentral.api.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.opencentral.api.http.ApiCall;
import org.opencentral.api.http.ApiError;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.platform.command.CommandService;
import org.opencentral.platform.command.MethodResponse;
import org.opencentral.platform.device.DeviceRegistry;

/**
 * Runs commands: 201 with the device's answer; 404 {@code NotFound} for an unknown device,
 * 404 {@code DeviceNotOnline} when it is not connected within {@code connectionTimeout},
 * 504 {@code GatewayTimeout} when it does not answer within {@code responseTimeout}.
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
        execute(call, call.pathParam("componentName") + "*" + call.pathParam("commandName"));
    }

    /** Command history is not recorded yet: say so instead of answering an empty list. */
    public void history(ApiCall call) {
        throw ApiError.notImplemented("command history is not recorded yet; the answer of a command is "
                + "returned by its POST");
    }

    private void execute(ApiCall call, String methodName) throws Exception {
        DeviceId id = call.deviceId();
        CommandRequest request = CommandRequest.of(call.body());
        devices.get(id);
        MethodResponse response = await(id, methodName, request);
        ObjectNode body = Json.object();
        body.put("id", UUID.randomUUID().toString());
        body.put("connectionTimeout", request.connectionTimeout());
        body.put("responseTimeout", request.responseTimeout());
        if (!request.request().isMissingNode()) {
            body.set("request", request.request());
        }
        body.set("response", response.payload());
        body.put("responseCode", response.status());
        call.json(201, body);
    }

    private MethodResponse await(DeviceId id, String methodName, CommandRequest request) throws Exception {
        try {
            return commands.invoke(id, methodName, request.request(), request.connection(), request.response())
                    .get();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
