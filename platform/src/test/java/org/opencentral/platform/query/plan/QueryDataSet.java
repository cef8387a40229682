package org.opencentral.platform.query.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.telemetry.SeriesKey;
import org.opencentral.core.telemetry.TelemetryPoint;
import org.opencentral.core.telemetry.TelemetryValue;
import org.opencentral.platform.query.CapabilityCatalog;
import org.opencentral.platform.query.CapabilityKind;
import org.opencentral.platform.query.QueryFilter;
import org.opencentral.platform.query.ValueRef;
import org.opencentral.platform.query.ValueShape;
import org.opencentral.platform.query.ast.ComparisonOperator;
import org.opencentral.platform.query.ast.QueryLiteral;

/**
 * The shared telemetry of the engine tests: devices d1, d2 (template T) and d3 (another template,
 * never in the device set), a message every 11 minutes and a few seconds for three days before
 * {@link #NOW}, with whole and half numbers (exact sums), text (one an injection attempt), flags
 * a component's telemetry, and object-typed telemetry stored member by member as the indexer
 * flattens it ({@code location.lat}, {@code location.lon}, {@code accelerometer.x}).
 */
final class QueryDataSet {
    static final String TEMPLATE = "dtmi:test:sensor;1";
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    static final String INJECTION = "x'; DROP TABLE series; --";
    static final int MESSAGES = 400;

    private QueryDataSet() {
    }

    static List<TelemetryPoint> points() {
        List<TelemetryPoint> points = new ArrayList<>();
        String[] devices = {"d1", "d2", "d3"};
        for (int d = 0; d < devices.length; d++) {
            DeviceId device = DeviceId.of(devices[d]);
            for (int i = 0; i < MESSAGES; i++) {
                Instant time = NOW.minus(Duration.ofMinutes(11L * i).plusSeconds(i % 7 + d).plusMillis(250));
                points.add(point(device, "", "temperature", time, TelemetryValue.of(20 + (i * (d + 3)) % 11)));
                if (i % 2 == 0) {
                    points.add(point(device, "", "humidity", time, TelemetryValue.of(40 + (i % 5) * 0.5)));
                }
                points.add(point(device, "", "status", time, TelemetryValue.of(i % 3 == 0 ? "ok"
                        : i % 3 == 1 ? "warn" : INJECTION)));
                points.add(point(device, "", "on", time, TelemetryValue.of(i % 4 < 2)));
                if (i % 3 == 0) {
                    points.add(point(device, "sensor", "level", time, TelemetryValue.of(i % 13)));
                }
                if (i % 2 == 1) {
                    points.add(point(device, "", "location.lat", time, TelemetryValue.of(47 + (i % 9) * 0.25)));
                    points.add(point(device, "", "location.lon", time, TelemetryValue.of(-122 - (i % 5) * 0.5)));
                }
                points.add(point(device, "", "accelerometer.x", time, TelemetryValue.of((i % 11) - 5)));
            }
        }
        return points;
    }

    private static TelemetryPoint point(DeviceId device, String component, String name, Instant time,
            TelemetryValue value) {
        return new TelemetryPoint(new SeriesKey(device, component, name), time, value);
    }

    static CapabilityCatalog catalog() {
        return new CapabilityCatalog() {
            @Override
            public boolean templateExists(String templateId) {
                return TEMPLATE.equals(templateId);
            }

            @Override
            public CapabilityKind kindOf(String templateId, Optional<String> component, String name) {
                String path = component.map(c -> c + "." + name).orElse(name);
                return switch (path) {
                    case "temperature", "humidity", "status", "on", "sensor.level", "location", "accelerometer" ->
                            CapabilityKind.TELEMETRY;
                    case "firmware" -> CapabilityKind.PROPERTY;
                    default -> CapabilityKind.UNKNOWN;
                };
            }

            @Override
            public boolean hasComponent(String templateId, String name) {
                return name.equals("sensor");
            }

            @Override
            public ValueShape shapeOf(String templateId, Optional<String> component, String name) {
                ValueShape number = new ValueShape.Scalar("a double");
                return switch (name) {
                    case "location" -> new ValueShape.Members("a geopoint", members("lat", number, "lon", number,
                            "alt", number));
                    case "accelerometer" -> new ValueShape.Members("a vector", members("x", number, "y", number,
                            "z", number));
                    default -> ValueShape.SCALAR;
                };
            }
        };
    }

    private static Map<String, ValueShape> members(String a, ValueShape sa, String b, ValueShape sb, String c,
            ValueShape sc) {
        Map<String, ValueShape> members = new LinkedHashMap<>();
        members.put(a, sa);
        members.put(b, sb);
        members.put(c, sc);
        return members;
    }

    /** d1 "Device One" (real), d2 "Device Two" (simulated). */
    static DeviceSet devices() {
        return new DeviceSet() {
            @Override
            public List<String> ids() {
                return List.of("d1", "d2");
            }

            @Override
            public List<String> passing(QueryFilter condition) {
                return ids().stream().filter(id -> test(condition, id)).toList();
            }
        };
    }

    private static boolean test(QueryFilter condition, String id) {
        if (!(condition instanceof QueryFilter.Compare c) || !(c.value() instanceof ValueRef.Builtin b)) {
            throw new IllegalArgumentException("the test device set knows comparisons only: " + condition);
        }
        QueryLiteral value = switch (b.field()) {
            case DISPLAY_NAME -> new QueryLiteral.Str(id.equals("d1") ? "Device One" : "Device Two");
            case SIMULATED -> new QueryLiteral.Bool(id.equals("d2"));
            default -> throw new IllegalArgumentException("not in the test set: " + b.field());
        };
        boolean equal = value.equals(c.literal());
        return c.operator() == ComparisonOperator.EQ ? equal : !equal;
    }
}
