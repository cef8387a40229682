package org.opencentral.core.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One thing a job does to each device: set a writable property (through the twin), set a cloud
 * property, run a command, or move the device to another template. {@code target} is the device
 * template the capability belongs to; {@code path} names it, {@code component/name} inside a component.
 */
public sealed interface JobData {
    /** IoT Central's wire name of the kind. */
    String type();

    /** The part of a capability path before its name ({@code component/name}), if any. */
    static java.util.Optional<String> componentOf(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? java.util.Optional.empty() : java.util.Optional.of(path.substring(0, slash));
    }

    /** The capability's own name: the part of the path after its component. */
    static String nameOf(String path) {
        return path.substring(path.indexOf('/') + 1);
    }

    record Property(String target, String path, JsonNode value) implements JobData {
        public Property {
            requireCapability(target, path);
            value = Objects.requireNonNull(value, "value").deepCopy();
        }

        @Override
        public String type() {
            return "property";
        }
    }

    record CloudProperty(String target, String path, JsonNode value) implements JobData {
        public CloudProperty {
            requireCapability(target, path);
            value = Objects.requireNonNull(value, "value").deepCopy();
        }

        @Override
        public String type() {
            return "cloudProperty";
        }
    }

    /**
     * A direct method with its request payload ({@code MissingNode} when there is none), and how
     * long (seconds, at most {@value #MAX_CONNECTION_TIMEOUT}) an offline device may take to connect
     * before it fails with "device offline" (0: it fails at once).
     */
    record Command(String target, String path, JsonNode value, int connectionTimeout) implements JobData {
        public static final int MAX_CONNECTION_TIMEOUT = 300;

        public Command {
            requireCapability(target, path);
            value = Objects.requireNonNull(value, "value").deepCopy();
            if (connectionTimeout < 0 || connectionTimeout > MAX_CONNECTION_TIMEOUT) {
                throw new IllegalArgumentException("connectionTimeout must be 0 to " + MAX_CONNECTION_TIMEOUT + " s");
            }
        }

        @Override
        public String type() {
            return "command";
        }
    }

    record TemplateMigration(String template) implements JobData {
        public TemplateMigration {
            if (template == null || template.isBlank()) {
                throw new IllegalArgumentException("template must not be blank");
            }
        }

        @Override
        public String type() {
            return "deviceTemplateMigration";
        }
    }

    private static void requireCapability(String target, String path) {
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("target must not be blank");
        }
        if (path == null || path.isBlank() || path.startsWith("/") || path.endsWith("/")
                || path.indexOf('/') != path.lastIndexOf('/')) {
            throw new IllegalArgumentException("path must be 'name' or 'component/name'");
        }
    }
}
