package org.opencentral.core.device;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered device. {@code template} is the device template id (a DTMI) once one is assigned;
 * {@code modelId} is what the device last announced in its CONNECT ({@code model-id}).
 * {@code organization} is the one organization it belongs to (none: the root).
 * {@code etag} changes on every update of the registry record (not on connection changes).
 * {@code simulationInterval} is how often a simulated device sends (none: the server's default).
 */
public record Device(
        DeviceId id,
        String displayName,
        Optional<String> template,
        boolean enabled,
        boolean simulated,
        boolean provisioned,
        String etag,
        SymmetricKeys keys,
        Optional<String> modelId,
        Connection connection,
        Instant createdAt,
        Optional<String> organization,
        Optional<SimulationInterval> simulationInterval) {

    /** A device of the application's root organization, sending at the default interval if simulated. */
    public Device(DeviceId id, String displayName, Optional<String> template, boolean enabled, boolean simulated,
            boolean provisioned, String etag, SymmetricKeys keys, Optional<String> modelId, Connection connection,
            Instant createdAt) {
        this(id, displayName, template, enabled, simulated, provisioned, etag, keys, modelId, connection, createdAt,
                Optional.empty(), Optional.empty());
    }

    public Device {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(simulationInterval, "simulationInterval");
        if (displayName.length() > 200) {
            throw org.opencentral.core.DomainException.badRequest("displayName is longer than 200 characters");
        }
    }

    /** Whether the device is connected now and when it was last heard from. */
    public record Connection(boolean connected, Optional<Instant> lastActivity) {
        public static final Connection NEVER = new Connection(false, Optional.empty());

        public Connection {
            Objects.requireNonNull(lastActivity, "lastActivity");
        }
    }

    public Device withConnection(Connection newConnection) {
        return new Device(id, displayName, template, enabled, simulated, provisioned, etag, keys, modelId,
                newConnection, createdAt, organization, simulationInterval);
    }

    public Device withModelId(Optional<String> newModelId) {
        return new Device(id, displayName, template, enabled, simulated, provisioned, etag, keys, newModelId,
                connection, createdAt, organization, simulationInterval);
    }

    public Device withKeys(SymmetricKeys newKeys) {
        return new Device(id, displayName, template, enabled, simulated, provisioned, etag, newKeys, modelId,
                connection, createdAt, organization, simulationInterval);
    }
}
