package org.opencentral.api.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opencentral.core.Json;

/**
 * What the command-history operations accept and keep, which the official document does not say:
 * page size and cursor parameters, and that only the newest 100 invocations of a command are kept.
 * Also the paging of the raw-data extension, newest first like them.
 */
final class HistoryParameters {
    private HistoryParameters() {
    }

    /** Adds paging and retention notes to {@code operation} if it reads a command's history or raw data. */
    static void addTo(String path, String verb, ObjectNode operation) {
        if (verb.equals("get") && path.equals("/devices/{deviceId}/rawData")) {
            operation.put("description", "The device's stored telemetry messages and connection changes, newest "
                    + "first: sequence, time, kind (telemetry, connected, disconnected), component, body (the "
                    + "message as text), properties, reason (of a disconnection) and error (why a body is not a "
                    + "JSON object). Kept as long as the event log keeps them (--retention-days).");
            ArrayNode parameters = operation.withArray("parameters");
            parameters.add(query("maxpagesize", "Page size, 1..500 (default 100).").put("type", "integer"));
            parameters.add(query("$skiptoken", "Cursor of the next page; follow nextLink."));
            return;
        }
        if (!verb.equals("get") || !path.endsWith("/commands/{commandName}")) {
            return;
        }
        operation.put("description", "Newest first. OpenCentral keeps the newest 100 invocations of each command "
                + "on each device (older ones are dropped) and deletes them with the device. An invocation whose "
                + "device was not connected or did not answer in time has neither response nor responseCode.");
        ArrayNode parameters = operation.withArray("parameters");
        parameters.add(query("maxpagesize", "Page size, 1..100 (default 100).").put("type", "integer"));
        parameters.add(query("$skiptoken", "Cursor of the next page; follow nextLink."));
    }

    private static ObjectNode query(String name, String description) {
        ObjectNode parameter = Json.object();
        parameter.put("name", name).put("in", "query").put("required", false).put("type", "string")
                .put("description", description);
        return parameter;
    }
}
