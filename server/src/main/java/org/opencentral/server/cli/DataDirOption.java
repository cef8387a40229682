package org.opencentral.server.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir} of the commands that work on a data directory without loading the whole configuration. */
final class DataDirOption {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:OPENCENTRAL_DATA_DIR:-data}",
            description = "The data directory (default: ${DEFAULT-VALUE}, or OPENCENTRAL_DATA_DIR).")
    private Path dataDir;

    /** The directory, absolute and normalized. */
    Path path() {
        return dataDir.toAbsolutePath().normalize();
    }
}
