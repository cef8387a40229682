package org.opencentral.platform.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.opencentral.core.Json;
import org.opencentral.dtdl.model.GeoKind;

/**
 * A position moving smoothly: a start near a city, then small steps on a slowly turning heading.
 * Written as IoT Central's geopoint ({@code lat, lon, alt}) or, for a DTDL geospatial schema, as a
 * GeoJSON geometry of that kind around the current position.
 */
public final class GeoTrack implements Generator {
    /** Degrees moved per step: roughly 50 m. */
    static final double STEP_DEGREES = 0.0005;
    private static final double[][] STARTS = {{47.64, -122.13}, {51.51, -0.13}, {48.86, 2.35}, {35.68, 139.69}};

    private final Optional<GeoKind> kind;
    private double lat = Double.NaN;
    private double lon;
    private double heading;

    /** {@code kind} empty: an IoT Central geopoint. */
    public GeoTrack(Optional<GeoKind> kind) {
        this.kind = kind;
    }

    @Override
    public JsonNode next(RandomGenerator random, Instant now) {
        if (Double.isNaN(lat)) {
            double[] start = STARTS[random.nextInt(STARTS.length)];
            lat = start[0] + (random.nextDouble() - 0.5) * 0.1;
            lon = start[1] + (random.nextDouble() - 0.5) * 0.1;
            heading = random.nextDouble() * 2 * Math.PI;
        } else {
            heading += (random.nextDouble() - 0.5) * 0.5;
            lat = Math.clamp(lat + Math.cos(heading) * STEP_DEGREES, -89.0, 89.0);
            lon = wrap(lon + Math.sin(heading) * STEP_DEGREES);
        }
        return kind.map(this::geoJson).orElseGet(this::geopoint);
    }

    private JsonNode geopoint() {
        ObjectNode point = Json.object();
        point.put("lat", round(lat));
        point.put("lon", round(lon));
        point.put("alt", 50.0);
        return point;
    }

    private JsonNode geoJson(GeoKind geoKind) {
        ObjectNode geometry = Json.object();
        geometry.put("type", geoKind.geoJsonType());
        ArrayNode coordinates = geometry.putArray("coordinates");
        switch (geoKind) {
            case POINT -> position(coordinates, 0);
            case MULTI_POINT, LINE_STRING -> line(coordinates);
            case MULTI_LINE_STRING -> line(coordinates.addArray());
            case POLYGON -> ring(coordinates.addArray());
            case MULTI_POLYGON -> ring(coordinates.addArray().addArray());
        }
        return geometry;
    }

    private void line(ArrayNode into) {
        position(into.addArray(), 0);
        position(into.addArray(), STEP_DEGREES);
    }

    private void ring(ArrayNode into) {
        double d = STEP_DEGREES;
        double[][] corners = {{0, 0}, {d, 0}, {d, d}, {0, 0}};
        for (double[] c : corners) {
            into.addArray().add(round(lon + c[0])).add(round(lat + c[1]));
        }
    }

    private void position(ArrayNode into, double offset) {
        into.add(round(lon + offset)).add(round(lat + offset));
    }

    /** The current position, for tests: {lat, lon}. */
    double[] position() {
        return new double[] {lat, lon};
    }

    private static double wrap(double longitude) {
        return longitude > 180 ? longitude - 360 : longitude < -180 ? longitude + 360 : longitude;
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
