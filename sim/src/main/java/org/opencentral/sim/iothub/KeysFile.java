package org.opencentral.sim.iothub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A cache of device keys, one {@code id key} per line, so that repeated runs against the same
 * server create only the devices they have not created before.
 */
public final class KeysFile {
    private KeysFile() {
    }

    /** The keys in {@code file}; empty when it does not exist. */
    public static Map<String, String> load(Path file) throws IOException {
        Map<String, String> keys = new HashMap<>();
        if (!Files.exists(file)) {
            return keys;
        }
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length == 2) {
                keys.put(parts[0], parts[1]);
            }
        }
        return keys;
    }

    public static void append(Path file, List<SimDevice> devices) throws IOException {
        if (devices.isEmpty()) {
            return;
        }
        String lines = devices.stream().map(d -> d.id() + " " + d.primaryKey().orElseThrow())
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(file, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
