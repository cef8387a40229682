package org.opencentral.api.telemetry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opencentral.core.Json;
import org.opencentral.core.telemetry.Aggregate;
import org.opencentral.core.telemetry.Bucket;
import org.opencentral.core.telemetry.History;
import org.opencentral.core.telemetry.TelemetryPoint;
import org.opencentral.core.telemetry.TelemetryValue;

/**
 * A history as JSON: {@code {"kind":"points","points":[{"timestamp","value"}]}} or
 * {@code {"kind":"buckets","width":"PT5M","buckets":[{"start","count","min","max","avg","first","last"}]}}.
 */
final class HistoryJson {
    private HistoryJson() {
    }

    static ObjectNode of(History history) {
        ObjectNode json = Json.object();
        switch (history) {
            case History.Points p -> {
                json.put("kind", "points");
                ArrayNode points = json.putArray("points");
                p.points().forEach(point -> points.add(point(point)));
            }
            case History.Buckets b -> {
                json.put("kind", "buckets");
                json.put("width", b.width().toString());
                ArrayNode buckets = json.putArray("buckets");
                b.buckets().forEach(bucket -> buckets.add(bucket(bucket)));
            }
        }
        return json;
    }

    private static ObjectNode point(TelemetryPoint point) {
        ObjectNode json = Json.object();
        json.put("timestamp", point.time().toString());
        switch (point.value()) {
            case TelemetryValue.NumberValue n -> json.put("value", n.value());
            case TelemetryValue.BooleanValue b -> json.put("value", b.value());
            case TelemetryValue.TextValue t -> json.put("value", t.value());
        }
        return json;
    }

    private static ObjectNode bucket(Bucket bucket) {
        Aggregate a = bucket.aggregate();
        ObjectNode json = Json.object();
        json.put("start", bucket.start().toString());
        json.put("count", a.count());
        json.put("min", a.min());
        json.put("max", a.max());
        json.put("avg", a.average());
        json.put("first", a.first());
        json.put("last", a.last());
        return json;
    }
}
