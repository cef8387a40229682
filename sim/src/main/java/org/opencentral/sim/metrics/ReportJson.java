package org.opencentral.sim.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The JSON results file: the report's fields, plus derived rates, in a stable shape for scripts. */
public final class ReportJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    public static ObjectNode toJson(Report r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("scenario", r.scenario());
        root.put("target", r.target());
        root.put("started", r.started().toString());
        root.put("measuredSeconds", r.measuredSeconds());
        root.set("settings", JSON.valueToTree(r.settings()));
        ObjectNode connections = JSON.valueToTree(r.connections());
        connections.put("perSecond", r.connections().perSecond());
        connections.set("latencyMs", JSON.valueToTree(r.connectLatency()));
        root.set("connections", connections);
        ObjectNode throughput = JSON.valueToTree(r.throughput());
        throughput.put("sentPerSecond", r.throughput().sentPerSecond());
        throughput.put("ackedPerSecond", r.throughput().ackedPerSecond());
        root.set("messages", throughput);
        root.set("latencyMs", JSON.valueToTree(r.latency()));
        root.set("warmupLatencyMs", JSON.valueToTree(r.warmupLatency()));
        root.set("errors", JSON.valueToTree(r.errors()));
        r.server().ifPresent(s -> root.set("server", JSON.valueToTree(s)));
        root.set("loadGenerator", JSON.valueToTree(r.client()));
        return root;
    }

    public static void write(Report report, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, JSON.writeValueAsString(toJson(report)) + "\n");
    }
}
