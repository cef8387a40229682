package org.opencentral.server.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What keeps this node from doing all of its work now, for {@code /healthz}: the data directory's
 * filesystem nearly full (less than {@value #LOW_SPACE_MIB} MiB usable; SQLite, DuckDB and the file
 * uploads then start to fail), and the event log's last failed write. Each is read when asked, so a
 * problem disappears as soon as its cause does (space freed, a batch committed).
 */
final class NodeProblems implements Supplier<List<String>> {
    static final long LOW_SPACE_MIB = 8;
    private static final long MIB = 1024 * 1024;

    private final Path dataDir;
    private final Supplier<Optional<String>> eventLog;

    NodeProblems(Path dataDir, Supplier<Optional<String>> eventLog) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        this.eventLog = Objects.requireNonNull(eventLog, "eventLog");
    }

    @Override
    public List<String> get() {
        List<String> problems = new ArrayList<>(2);
        diskSpace().ifPresent(problems::add);
        eventLog.get().ifPresent(problems::add);
        return problems;
    }

    private Optional<String> diskSpace() {
        try {
            long usable = Files.getFileStore(dataDir).getUsableSpace();
            return usable >= LOW_SPACE_MIB * MIB ? Optional.empty() : Optional.of("the data directory " + dataDir
                    + " has " + usable / MIB + " MiB free (less than " + LOW_SPACE_MIB
                    + " MiB): new messages and changes may not be stored");
        } catch (IOException e) {
            return Optional.of("the free space of the data directory " + dataDir + " cannot be read: " + e.getMessage());
        }
    }
}
