package org.opencentral.platform.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;

/**
 * The pieces a tile configuration is made of in IoT Central's 2022-10-31-preview document
 * ({@code GroupTileConfiguration}, {@code TileCapabilityConfiguration}, the query ranges, the
 * formats, …). Each checks the members it owns and reports what is wrong through {@code problem}.
 */
enum TilePart {
    /** {@code group} (required) and {@code devices} (required, at most 100 device ids). */
    GROUP {
        @Override
        void check(ObjectNode config, Consumer<String> problem) {
            requireText(config, "group", problem);
            JsonNode devices = config.get("devices");
            if (devices == null || !devices.isArray()) {
                problem.accept("'devices' is required: an array of device ids (empty: every device of the group)");
            } else if (devices.size() > MAX_DEVICES) {
                problem.accept("'devices' names at most " + MAX_DEVICES + " devices");
            } else {
                devices.forEach(d -> {
                    if (!d.isTextual()) {
                        problem.accept("'devices' holds device ids (strings)");
                    }
                });
            }
        }
    },
    /** {@code capabilities}: [{capability, aggregateFunction}]. */
    CAPABILITIES {
        @Override
        void check(ObjectNode config, Consumer<String> problem) {
            JsonNode capabilities = config.get("capabilities");
            if (capabilities == null) {
                return;
            }
            if (!capabilities.isArray()) {
                problem.accept("'capabilities' must be an array of {capability, aggregateFunction}");
                return;
            }
            for (JsonNode capability : capabilities) {
                if (!capability.path("capability").isTextual() || capability.path("capability").asText().isBlank()) {
                    problem.accept("each of 'capabilities' names its 'capability'");
                }
                if (!AGGREGATES.contains(capability.path("aggregateFunction").asText())) {
                    problem.accept("each of 'capabilities' has an 'aggregateFunction' of " + AGGREGATES);
                }
            }
        }
    },
    /** A required {@code queryRange} of type {@code time}. */
    TIME_RANGE {
        @Override
        void check(ObjectNode config, Consumer<String> problem) {
            checkRange(config.get("queryRange"), false, problem);
        }
    },
    /** A required {@code queryRange} of type {@code time} or {@code count}. */
    TIME_OR_COUNT_RANGE {
        @Override
        void check(ObjectNode config, Consumer<String> problem) {
            checkRange(config.get("queryRange"), true, problem);
        }
    },
    /** An optional chart {@code format}: xAxisEnabled, yAxisEnabled, legendEnabled. */
    CHART_FORMAT {
        @Override
        void check(ObjectNode config, Consumer<String> problem) {
            format(config, problem).ifPresent(format -> booleans(format, problem, "format.",
                    "xAxisEnabled", "yAxisEnabled", "legendEnabled"));
        }
    },
    /** An optional text {@code format}: abbreviateValue, decimalPlaces, textSize, unit, wordWrap. */
    TEXT_FORMAT {
        @Override
        void check(ObjectNode config, Consumer<String> problem) {
            format(config, problem).ifPresent(format -> {
                booleans(format, problem, "format.", "abbreviateValue", "wordWrap");
                JsonNode places = format.get("decimalPlaces");
                if (places != null && (!places.canConvertToInt() || !places.isIntegralNumber() || places.asInt() < 0)) {
                    problem.accept("'format.decimalPlaces' must be a whole number of at least 0");
                }
                numbers(format, problem, "format.", "textSize");
                if (format.has("unit") && !format.path("unit").asText().equals("pt")) {
                    problem.accept("'format.unit' must be 'pt'");
                }
            });
        }
    },
    /** A map tile's optional {@code zoomLevel} (0 to 24) and {@code format.zoomLevel}. */
    MAP {
        @Override
        void check(ObjectNode config, Consumer<String> problem) {
            JsonNode zoom = config.get("zoomLevel");
            if (zoom != null && (!zoom.isNumber() || zoom.asDouble() < 0 || zoom.asDouble() > 24)) {
                problem.accept("'zoomLevel' must be a number from 0 to 24");
            }
            format(config, problem).ifPresent(format -> {
                if (format.has("zoomLevel") && !format.path("zoomLevel").isIntegralNumber()) {
                    problem.accept("'format.zoomLevel' must be a whole number");
                }
            });
        }
    },
    /** A device count's optional {@code group}, and {@code connected} (an extension: count connected devices). */
    OPTIONAL_GROUP {
        @Override
        void check(ObjectNode config, Consumer<String> problem) {
            texts(config, problem, "group");
            booleans(config, problem, "", "connected");
        }
    },
    /** A command tile: {@code group}, {@code command} and {@code device}, all required. */
    COMMAND {
        @Override
        void check(ObjectNode config, Consumer<String> problem) {
            requireText(config, "group", problem);
            requireText(config, "command", problem);
            requireText(config, "device", problem);
        }
    },
    /** A data explorer tile: a required time {@code queryRange} and the saved {@code query}'s id. */
    DATA_EXPLORER {
        @Override
        void check(ObjectNode config, Consumer<String> problem) {
            checkRange(config.get("queryRange"), false, problem);
            texts(config, problem, "query");
        }
    },
    /**
     * OpenCentral's saved explorer query, kept in the tile (IoT Central keeps it elsewhere and has no
     * REST for it): an optional {@code group} (none: the tile names an IoT Central query OpenCentral
     * does not hold), its {@code devices}, {@code splitBy} ({@code device} or {@code property}) and
     * the {@code splitProperty} a property split reads.
     */
    EXPLORER_QUERY {
        @Override
        void check(ObjectNode config, Consumer<String> problem) {
            texts(config, problem, "group", "splitProperty");
            if (config.has("devices")) {
                GROUP.check(config, p -> {
                    if (p.startsWith("'devices'")) {
                        problem.accept(p);
                    }
                });
            }
            JsonNode split = config.get("splitBy");
            if (split != null && !SPLITS.contains(split.asText())) {
                problem.accept("'splitBy' must be one of " + SPLITS);
            }
            if (config.path("splitBy").asText().equals("property") && config.path("splitProperty").asText().isBlank()) {
                problem.accept("'splitProperty' is required when 'splitBy' is 'property'");
            }
        }
    },
    /** External content: a required HTTPS {@code sourceUrl}. */
    EXTERNAL_CONTENT {
        @Override
        void check(ObjectNode config, Consumer<String> problem) {
            requireText(config, "sourceUrl", problem);
            if (config.path("sourceUrl").isTextual() && !config.path("sourceUrl").asText().startsWith("https://")) {
                problem.accept("'sourceUrl' must be an https:// URL");
            }
        }
    },
    /** An image tile: optional {@code image} (asset id), {@code href} and {@code format}. */
    IMAGE {
        @Override
        void check(ObjectNode config, Consumer<String> problem) {
            texts(config, problem, "image", "href");
            format(config, problem).ifPresent(format -> {
                texts(format, problem, "backgroundColor", "textColor");
                booleans(format, problem, "format.", "fitImage", "showTitle");
                numbers(format, problem, "format.", "textSize");
            });
        }
    },
    /** A label: required {@code text}, optional {@code textSize}, {@code textSizeUnit}, {@code wordWrap}. */
    LABEL {
        @Override
        void check(ObjectNode config, Consumer<String> problem) {
            requireText(config, "text", problem);
            numbers(config, problem, "", "textSize");
            booleans(config, problem, "", "wordWrap");
        }
    },
    /** Markdown: required {@code description} (the markdown), optional {@code href} and {@code image}. */
    MARKDOWN {
        @Override
        void check(ObjectNode config, Consumer<String> problem) {
            if (!config.path("description").isTextual()) {
                problem.accept("'description' is required: the markdown to show");
            }
            texts(config, problem, "href", "image");
        }
    };

    static final int MAX_DEVICES = 100;
    static final List<String> SPLITS = List.of("none", "device", "property");
    static final List<String> AGGREGATES = List.of("sum", "count", "max", "min", "avg");
    static final List<String> DURATIONS = List.of("PT30M", "PT1H", "PT12H", "P1D", "P1W", "P30D");
    static final List<String> RESOLUTIONS = List.of("PT1M", "PT5M", "PT10M", "PT30M", "PT1H", "PT12H", "P1D", "P1W");

    abstract void check(ObjectNode config, Consumer<String> problem);

    private static void checkRange(JsonNode range, boolean countAllowed, Consumer<String> problem) {
        if (range == null || !range.isObject()) {
            problem.accept("'queryRange' is required: {\"type\":\"time\",\"duration\":…}"
                    + (countAllowed ? " or {\"type\":\"count\",\"count\":100}" : ""));
            return;
        }
        String type = range.path("type").asText();
        if (type.equals("count") && countAllowed) {
            if (range.path("count").asInt(-1) != 100) {
                problem.accept("'queryRange.count' must be 100");
            }
        } else if (type.equals("time")) {
            if (!DURATIONS.contains(range.path("duration").asText())) {
                problem.accept("'queryRange.duration' must be one of " + DURATIONS);
            }
            if (range.has("resolution") && !RESOLUTIONS.contains(range.path("resolution").asText())) {
                problem.accept("'queryRange.resolution' must be one of " + RESOLUTIONS);
            }
        } else {
            problem.accept("'queryRange.type' must be " + (countAllowed ? "'time' or 'count'" : "'time'"));
        }
    }

    private static java.util.Optional<JsonNode> format(ObjectNode config, Consumer<String> problem) {
        JsonNode format = config.get("format");
        if (format == null) {
            return java.util.Optional.empty();
        }
        if (!format.isObject()) {
            problem.accept("'format' must be an object");
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(format);
    }

    private static void requireText(JsonNode config, String name, Consumer<String> problem) {
        if (!config.path(name).isTextual() || config.path(name).asText().isBlank()) {
            problem.accept("'" + name + "' is required");
        }
    }

    private static void texts(JsonNode config, Consumer<String> problem, String... names) {
        for (String name : names) {
            if (config.has(name) && !config.path(name).isTextual()) {
                problem.accept("'" + name + "' must be a string");
            }
        }
    }

    private static void booleans(JsonNode config, Consumer<String> problem, String prefix, String... names) {
        for (String name : names) {
            if (config.has(name) && !config.path(name).isBoolean()) {
                problem.accept("'" + prefix + name + "' must be true or false");
            }
        }
    }

    private static void numbers(JsonNode config, Consumer<String> problem, String prefix, String... names) {
        for (String name : names) {
            if (config.has(name) && !config.path(name).isNumber()) {
                problem.accept("'" + prefix + name + "' must be a number");
            }
        }
    }
}
