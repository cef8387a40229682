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
        return toBuilder().connection(newConnection).build();
    }

    public Device withModelId(Optional<String> newModelId) {
        return toBuilder().modelId(newModelId).build();
    }

    public Device withKeys(SymmetricKeys newKeys) {
        return toBuilder().keys(newKeys).build();
    }

    /**
     * A device built through named steps. Unless a step says otherwise it is named after its id, has
     * no template, is enabled, not simulated, not provisioned, has an empty etag, freshly generated
     * keys, no announced model id, has never connected, belongs to the root organization and sends at
     * the default interval. {@code createdAt} has no default: {@link Builder#build()} fails without it.
     */
    public static Builder builder(DeviceId id) {
        return new Builder(id);
    }

    /** A builder starting from every component of this device. */
    public Builder toBuilder() {
        return new Builder(id).displayName(displayName).template(template).enabled(enabled).simulated(simulated)
                .provisioned(provisioned).etag(etag).keys(keys).modelId(modelId).connection(connection)
                .createdAt(createdAt).organization(organization).simulationInterval(simulationInterval);
    }

    /** Named steps for the components of a {@link Device}; see {@link Device#builder(DeviceId)}. */
    public static final class Builder {
        private final DeviceId id;
        private String displayName;
        private Optional<String> template = Optional.empty();
        private boolean enabled = true;
        private boolean simulated;
        private boolean provisioned;
        private String etag = "";
        private SymmetricKeys keys;
        private Optional<String> modelId = Optional.empty();
        private Connection connection = Connection.NEVER;
        private Instant createdAt;
        private Optional<String> organization = Optional.empty();
        private Optional<SimulationInterval> simulationInterval = Optional.empty();

        private Builder(DeviceId id) {
            this.id = Objects.requireNonNull(id, "id");
            this.displayName = id.value();
        }

        public Builder displayName(String value) {
            displayName = value;
            return this;
        }

        public Builder template(String dtmi) {
            return template(Optional.of(dtmi));
        }

        public Builder template(Optional<String> value) {
            template = value;
            return this;
        }

        public Builder enabled(boolean value) {
            enabled = value;
            return this;
        }

        public Builder disabled() {
            return enabled(false);
        }

        public Builder simulated(boolean value) {
            simulated = value;
            return this;
        }

        public Builder simulated() {
            return simulated(true);
        }

        public Builder provisioned(boolean value) {
            provisioned = value;
            return this;
        }

        public Builder provisioned() {
            return provisioned(true);
        }

        public Builder etag(String value) {
            etag = value;
            return this;
        }

        public Builder keys(SymmetricKeys value) {
            keys = value;
            return this;
        }

        public Builder modelId(Optional<String> value) {
            modelId = value;
            return this;
        }

        public Builder connection(Connection value) {
            connection = value;
            return this;
        }

        public Builder createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        public Builder organization(String value) {
            return organization(Optional.of(value));
        }

        public Builder organization(Optional<String> value) {
            organization = value;
            return this;
        }

        public Builder simulationInterval(Optional<SimulationInterval> value) {
            simulationInterval = value;
            return this;
        }

        /** The device; fails as the record's constructor does (a missing createdAt, a name too long). */
        public Device build() {
            return new Device(id, displayName, template, enabled, simulated, provisioned, etag,
                    keys == null ? SymmetricKeys.generate() : keys, modelId, connection, createdAt, organization,
                    simulationInterval);
        }
    }
}
