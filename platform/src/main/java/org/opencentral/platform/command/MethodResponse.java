package org.opencentral.platform.command;

import com.fasterxml.jackson.databind.JsonNode;

/** A device's answer to a direct method: its status code and JSON payload (JSON null when empty). */
public record MethodResponse(int status, JsonNode payload) {
}
