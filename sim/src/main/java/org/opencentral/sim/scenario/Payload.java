package org.opencentral.sim.scenario;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The telemetry body every device sends: a JSON object with {@code fields} numeric fields
 * ({@code "f0": 21.5, …}) padded with a {@code "pad"} string to {@code size} bytes when the fields
 * alone are shorter. Built once; the bytes are shared by all publishes.
 */
public final class Payload {
    private Payload() {
    }

    public static byte[] json(int size, int fields) {
        if (size < 2 || fields < 0) {
            throw new IllegalArgumentException("size must be at least 2 and fields not negative");
        }
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < fields; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(String.format(Locale.ROOT, "\"f%d\":%.3f", i, 20 + (i * 7.31) % 60));
        }
        int padding = size - json.length() - 1 - (fields > 0 ? 1 : 0) - "\"pad\":\"\"".length();
        if (padding > 0) {
            json.append(fields > 0 ? "," : "").append("\"pad\":\"").append("x".repeat(padding)).append('"');
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }
}
