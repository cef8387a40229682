package org.opencentral.platform.assembly;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.platform.ingest.MessageSizeLimit;
import org.opencentral.platform.query.QueryLimits;
import org.opencentral.platform.rules.action.Mailer;
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
 * @param queryLimits        the query language's limits, which device group filters obey too
 * @param mailer             where rule email actions are sent; none: rules with email actions are refused
 */
public record PlatformSettings(String applicationId, String idScope, String publicHost, Optional<Path> modelRepo,
        MessageSizeLimit messageSize, Duration simulationInterval, QueryLimits queryLimits, Optional<Mailer> mailer) {
    public PlatformSettings {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(idScope, "idScope");
        Objects.requireNonNull(publicHost, "publicHost");
        Objects.requireNonNull(modelRepo, "modelRepo");
        Objects.requireNonNull(messageSize, "messageSize");
        Objects.requireNonNull(simulationInterval, "simulationInterval");
        Objects.requireNonNull(queryLimits, "queryLimits");
        Objects.requireNonNull(mailer, "mailer");
    }

    /** No model folder, the default message-size limit, simulation interval and query limits, no mail. */
    public static PlatformSettings defaults(String applicationId, String idScope, String publicHost) {
        return new PlatformSettings(applicationId, idScope, publicHost, Optional.empty(), MessageSizeLimit.DEFAULT,
                SimulationConfig.defaults().interval(), QueryLimits.DEFAULTS, Optional.empty());
    }
}
