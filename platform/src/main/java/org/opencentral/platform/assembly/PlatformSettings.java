package org.opencentral.platform.assembly;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.platform.ingest.MessageSizeLimit;
import org.opencentral.platform.simulation.SimulationConfig;

/**
 * The few settings the domain services need beyond their stores.
 *
 * @param applicationId      the application's id (API tokens carry it)
 * @param idScope            the DPS ID scope of the application
 * @param publicHost         the host name devices are assigned to by DPS
 * @param modelRepo          a local folder of DTDL models that announced models are imported from; none by default
 * @param messageSize        the one limit on a device message's body
 * @param simulationInterval default time between two telemetry messages of a simulated device
 */
public record PlatformSettings(String applicationId, String idScope, String publicHost, Optional<Path> modelRepo,
        MessageSizeLimit messageSize, Duration simulationInterval) {
    public PlatformSettings {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(idScope, "idScope");
        Objects.requireNonNull(publicHost, "publicHost");
        Objects.requireNonNull(modelRepo, "modelRepo");
        Objects.requireNonNull(messageSize, "messageSize");
        Objects.requireNonNull(simulationInterval, "simulationInterval");
    }

    /** No model folder, the default message-size limit and simulation interval. */
    public static PlatformSettings defaults(String applicationId, String idScope, String publicHost) {
        return new PlatformSettings(applicationId, idScope, publicHost, Optional.empty(), MessageSizeLimit.DEFAULT,
                SimulationConfig.defaults().interval());
    }
}
