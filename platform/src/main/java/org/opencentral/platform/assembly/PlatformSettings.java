package org.opencentral.platform.assembly;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.opencentral.core.export.ExportTable;
import org.opencentral.platform.export.delivery.PipeStats;
import org.opencentral.platform.export.delivery.RetryPolicy;
import org.opencentral.platform.file.FileUploadSettings;
import org.opencentral.platform.ingest.MessageSizeLimit;
import org.opencentral.platform.job.JobSettings;
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
 * @param exportRetry        how data export retries a refusing destination, then rechecks one in error
 * @param exportMeters       told once of the counters of each export and destination, to bind meters
 * @param exportTables       opens a {@code postgresql@v1} destination's table (the store's adapter)
 * @param jobs               how many jobs run at once, devices per step, a command's response timeout
 * @param jobStepping        whether the job engine steps itself in the background (devices' steps on
 *                           virtual threads) or is stepped by its caller, devices on the caller's thread
 *                           (tests that drive a job step by step)
 * @param files              device file uploads: the folder of the embedded blob store and the limits
 * @param exportFolders      the export directory {@code folder@v1} destinations write under ({@code {data
 *                           directory}/exports} in the server); none: their deliveries fail, saying so
 */
public record PlatformSettings(String applicationId, String idScope, String publicHost, Optional<Path> modelRepo,
        MessageSizeLimit messageSize, Duration simulationInterval, QueryLimits queryLimits, Optional<Mailer> mailer,
        RetryPolicy exportRetry, Consumer<PipeStats> exportMeters, ExportTable.Opener exportTables, JobSettings jobs,
        JobStepping jobStepping, FileUploadSettings files, Optional<Path> exportFolders) {

    /** Who steps the job engine. */
    public enum JobStepping {
        /** A background loop; each device's step on a virtual thread. */
        BACKGROUND,
        /** The caller ({@code jobs().runOnce()}); each device's step on the caller's thread. */
        BY_CALLER
    }

    public PlatformSettings {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(idScope, "idScope");
        Objects.requireNonNull(publicHost, "publicHost");
        Objects.requireNonNull(modelRepo, "modelRepo");
        Objects.requireNonNull(messageSize, "messageSize");
        Objects.requireNonNull(simulationInterval, "simulationInterval");
        Objects.requireNonNull(queryLimits, "queryLimits");
        Objects.requireNonNull(mailer, "mailer");
        Objects.requireNonNull(exportRetry, "exportRetry");
        Objects.requireNonNull(exportMeters, "exportMeters");
        Objects.requireNonNull(exportTables, "exportTables");
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(jobStepping, "jobStepping");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(exportFolders, "exportFolders");
    }

    /**
     * No model folder, the default message-size limit, simulation interval, query limits and export
     * retries, no mail, export counters not bound to meters, {@code postgresql@v1} tables opened by
     * {@code exportTables}, jobs stepped in the background with the default limits, file uploads
     * refused (no folder), no export directory ({@code folder@v1} destinations fail to deliver).
     */
    public static PlatformSettings defaults(String applicationId, String idScope, String publicHost,
            ExportTable.Opener exportTables) {
        return new PlatformSettings(applicationId, idScope, publicHost, Optional.empty(), MessageSizeLimit.DEFAULT,
                SimulationConfig.defaults().interval(), QueryLimits.DEFAULTS, Optional.empty(), RetryPolicy.DEFAULTS,
                stats -> { }, exportTables, JobSettings.DEFAULTS, JobStepping.BACKGROUND, FileUploadSettings.DISABLED,
                Optional.empty());
    }

    /** These settings with the job engine stepped by its caller (tests that drive jobs step by step). */
    public PlatformSettings jobsSteppedByCaller() {
        return new PlatformSettings(applicationId, idScope, publicHost, modelRepo, messageSize, simulationInterval,
                queryLimits, mailer, exportRetry, exportMeters, exportTables, jobs, JobStepping.BY_CALLER, files,
                exportFolders);
    }

    /** These settings with device file uploads kept as {@code files} says. */
    public PlatformSettings withFiles(FileUploadSettings files) {
        return new PlatformSettings(applicationId, idScope, publicHost, modelRepo, messageSize, simulationInterval,
                queryLimits, mailer, exportRetry, exportMeters, exportTables, jobs, jobStepping, files, exportFolders);
    }
}
