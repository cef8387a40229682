package org.opencentral.core.export;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opencentral.core.DomainException;

/**
 * {@code kafka@v1} (OpenCentral's extension): a Kafka topic on the cluster reached through
 * {@code bootstrapServers} ({@code host:port}), over TLS when {@code tls}, authenticated with
 * SASL/PLAIN when {@code sasl} is present (its password is a write-only secret).
 */
public record KafkaDestination(String id, String displayName, List<String> bootstrapServers, String topic,
        Optional<Sasl> sasl, boolean tls) implements Destination {
    public static final String TYPE = "kafka@v1";
    private static final Pattern SERVER = Pattern.compile("^[A-Za-z0-9.-]+:([0-9]{1,5})$");
    private static final Pattern TOPIC = Pattern.compile("^[A-Za-z0-9._-]{1,249}$");

    /** SASL/PLAIN credentials. */
    public record Sasl(String username, String password) {
        public Sasl {
            if (username == null || username.isBlank() || password == null || password.isEmpty()) {
                throw DomainException.badRequest("SASL/PLAIN authorization needs a 'username' and a 'password'");
            }
        }

        /** Without the password, so that it never reaches a log. */
        @Override
        public String toString() {
            return "Sasl[username=" + username + ", password=********]";
        }
    }

    public KafkaDestination {
        ExportIds.check("destination", id);
        ExportIds.displayName("destination", displayName);
        bootstrapServers = List.copyOf(Objects.requireNonNull(bootstrapServers, "bootstrapServers"));
        if (bootstrapServers.isEmpty()) {
            throw DomainException.badRequest("a kafka@v1 destination needs 'bootstrapServers'");
        }
        bootstrapServers.forEach(KafkaDestination::checkServer);
        if (topic == null || !TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
            throw DomainException.badRequest("'topic' must be a Kafka topic name: 1-249 letters, digits, '.', '_' "
                    + "or '-'");
        }
        Objects.requireNonNull(sasl, "sasl");
    }

    @Override
    public String type() {
        return TYPE;
    }

    private static void checkServer(String server) {
        var match = server == null ? null : SERVER.matcher(server);
        if (match == null || !match.matches() || Integer.parseInt(match.group(1)) < 1
                || Integer.parseInt(match.group(1)) > 65535) {
            throw DomainException.badRequest("bootstrap server '" + server + "' is not host:port");
        }
    }
}
