package org.opencentral.transport.internal.provisioning;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DPS REST paths (reference §2.2), a table of method and path pattern to request, next to
 * {@code /$iothub/websocket} on the WebSocket listener. The query ({@code api-version},
 * {@code forceRegistration}) is accepted and ignored, as the MQTT username's api-version is.
 */
sealed interface DpsHttpRoute {
    /** {@code PUT /{idScope}/registrations/{registrationId}/register}. */
    record Register(String idScope, String registrationId) implements DpsHttpRoute {
        public Register {
            Objects.requireNonNull(idScope, "idScope");
            Objects.requireNonNull(registrationId, "registrationId");
        }
    }

    /** {@code GET /{idScope}/registrations/{registrationId}/operations/{operationId}}. */
    record OperationStatus(String idScope, String registrationId, String operationId) implements DpsHttpRoute {
        public OperationStatus {
            Objects.requireNonNull(idScope, "idScope");
            Objects.requireNonNull(registrationId, "registrationId");
            Objects.requireNonNull(operationId, "operationId");
        }
    }

    List<Row> TABLE = List.of(
            new Row(HttpMethod.PUT, "/(?<scope>[^/]+)/registrations/(?<registration>[^/]+)/register",
                    m -> new Register(m.apply("scope"), m.apply("registration"))),
            new Row(HttpMethod.GET, "/(?<scope>[^/]+)/registrations/(?<registration>[^/]+)/operations/(?<operation>[^/]+)",
                    m -> new OperationStatus(m.apply("scope"), m.apply("registration"), m.apply("operation"))));

    /** The DPS request {@code method} on {@code uri} stands for, if it is one (path segments URL-decoded). */
    static Optional<DpsHttpRoute> match(HttpMethod method, String uri) {
        String path = new QueryStringDecoder(uri).rawPath();
        for (Row row : TABLE) {
            Matcher matcher = row.pattern().matcher(path);
            if (row.method().equals(method) && matcher.matches()) {
                return Optional.of(row.build().apply(group -> QueryStringDecoder.decodeComponent(matcher.group(group))));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code uri} is a DPS path at all (any method): a wrong method is answered, not passed on. */
    static boolean isDpsPath(String uri) {
        String path = new QueryStringDecoder(uri).rawPath();
        return TABLE.stream().anyMatch(row -> row.pattern().matcher(path).matches());
    }

    /** One row: method, path pattern, and how the named groups make the request. */
    record Row(HttpMethod method, Pattern pattern, Function<Function<String, String>, DpsHttpRoute> build) {
        Row(HttpMethod method, String regex, Function<Function<String, String>, DpsHttpRoute> build) {
            this(method, Pattern.compile(regex), build);
        }
    }
}
