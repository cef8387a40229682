package org.opencentral.transport.internal.https;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencentral.platform.c2d.CloudToDeviceService.Settlement;

/**
 * IoT Hub's device REST paths (messages and file uploads), a table of method and path pattern to request. Path segments are
 * matched case-insensitively ({@code deviceBound}, the Java SDK's {@code devicebound}); the query
 * ({@code api-version}) is accepted and ignored but for {@code reject}, which turns a complete
 * ({@code DELETE …/{etag}}) into a reject; the Java SDK sends it as {@code &%3Freject=true}.
 */
sealed interface DeviceHttpRoute {
    /** The device the path names. */
    String deviceId();

    /** {@code POST /devices/{id}/messages/events}: one message, or a batch. */
    record SendEvents(String deviceId) implements DeviceHttpRoute {
        public SendEvents {
            Objects.requireNonNull(deviceId, "deviceId");
        }
    }

    /** {@code GET /devices/{id}/messages/deviceBound}: the next cloud-to-device message, under a lock. */
    record Receive(String deviceId) implements DeviceHttpRoute {
        public Receive {
            Objects.requireNonNull(deviceId, "deviceId");
        }
    }

    /** Complete, reject or abandon the message locked by {@code etag}. */
    record Settle(String deviceId, String etag, Settlement settlement) implements DeviceHttpRoute {
        public Settle {
            Objects.requireNonNull(deviceId, "deviceId");
            Objects.requireNonNull(etag, "etag");
            Objects.requireNonNull(settlement, "settlement");
        }
    }

    /** {@code POST /devices/{id}/files}: a SAS URI for a blob to upload a file to. */
    record RequestUpload(String deviceId) implements DeviceHttpRoute {
        public RequestUpload {
            Objects.requireNonNull(deviceId, "deviceId");
        }
    }

    /**
     * {@code POST /devices/{id}/files/notifications}: the outcome of a file upload, its correlation id
     * in the body (the Java SDK), or {@code …/notifications/{correlationId}} with it in the path (the
     * Node.js SDK).
     */
    record NotifyUpload(String deviceId, Optional<String> correlationId) implements DeviceHttpRoute {
        public NotifyUpload {
            Objects.requireNonNull(deviceId, "deviceId");
            Objects.requireNonNull(correlationId, "correlationId");
        }
    }

    String DEVICE = "/devices/(?<device>[^/]+)/messages/";
    String FILES = "/devices/(?<device>[^/]+)/files";
    String LOCKED = DEVICE + "devicebound/(?<etag>[^/]+)";

    List<Row> TABLE = List.of(
            new Row(HttpMethod.POST, DEVICE + "events", (m, query) -> new SendEvents(m.group("device"))),
            new Row(HttpMethod.GET, DEVICE + "devicebound", (m, query) -> new Receive(m.group("device"))),
            new Row(HttpMethod.DELETE, LOCKED, (m, query) -> new Settle(m.group("device"), m.group("etag"),
                    rejects(query) ? Settlement.REJECT : Settlement.COMPLETE)),
            new Row(HttpMethod.POST, LOCKED + "/reject", (m, query) ->
                    new Settle(m.group("device"), m.group("etag"), Settlement.REJECT)),
            new Row(HttpMethod.POST, LOCKED + "/abandon", (m, query) ->
                    new Settle(m.group("device"), m.group("etag"), Settlement.ABANDON)),
            new Row(HttpMethod.POST, FILES, (m, query) -> new RequestUpload(m.group("device"))),
            new Row(HttpMethod.POST, FILES + "/notifications", (m, query) ->
                    new NotifyUpload(m.group("device"), Optional.empty())),
            new Row(HttpMethod.POST, FILES + "/notifications/(?<correlation>[^/]+)", (m, query) ->
                    new NotifyUpload(m.group("device"), Optional.of(m.group("correlation")))));

    /** The device request {@code method} on {@code uri} stands for, if it is one (path segments URL-decoded, etag unquoted). */
    static Optional<DeviceHttpRoute> match(HttpMethod method, String uri) {
        QueryStringDecoder decoder = new QueryStringDecoder(uri);
        for (Row row : TABLE) {
            Matcher matcher = row.pattern().matcher(decoder.rawPath());
            if (row.method().equals(method) && matcher.matches()) {
                return Optional.of(row.build().apply(new Groups(matcher), decoder));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code uri} is a device path at all (any method): a wrong method is answered, not passed on. */
    static boolean isDevicePath(String uri) {
        String path = new QueryStringDecoder(uri).rawPath();
        return TABLE.stream().anyMatch(row -> row.pattern().matcher(path).matches());
    }

    /** {@code reject} (or {@code ?reject}, as the Java SDK writes it after the api-version) and not {@code false}. */
    private static boolean rejects(QueryStringDecoder query) {
        return java.util.stream.Stream.of("reject", "?reject").map(query.parameters()::get)
                .anyMatch(values -> values != null && !values.contains("false"));
    }

    /** The decoded named groups of a matched path; the etag without the quotes of an HTTP entity tag. */
    record Groups(Matcher matcher) {
        String group(String name) {
            String value = QueryStringDecoder.decodeComponent(matcher.group(name));
            return name.equals("etag") ? value.replace("\"", "") : value;
        }
    }

    /** One row: method, path pattern, and how the named groups and the query make the request. */
    record Row(HttpMethod method, Pattern pattern, BiFunction<Groups, QueryStringDecoder, DeviceHttpRoute> build) {
        Row(HttpMethod method, String regex, BiFunction<Groups, QueryStringDecoder, DeviceHttpRoute> build) {
            this(method, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), build);
        }
    }
}
