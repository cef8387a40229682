package org.opencentral.sim.metrics;

import java.util.Optional;

/**
 * One reading of a process from {@code /proc/<pid>/stat} and {@code /proc/<pid>/status}.
 *
 * @param cpuTicks user + system CPU time in clock ticks (USER_HZ, 100 on Linux)
 * @param rssBytes resident set size
 * @param threads  number of threads
 */
public record ProcStats(long cpuTicks, long rssBytes, int threads) {
    /** Clock ticks per second of {@code /proc} CPU times on Linux. */
    public static final int TICKS_PER_SECOND = 100;

    /** Parses the texts of {@code stat} and {@code status}; empty when they are not what Linux writes. */
    public static Optional<ProcStats> parse(String stat, String status) {
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            return Optional.empty();
        }
        // Fields after "pid (comm)": index 0 is field 3 (state), so utime (14) is 11, stime (15) is 12, threads (20) is 17.
        String[] fields = stat.substring(end + 1).trim().split("\\s+");
        Optional<Long> rssKb = statusValue(status, "VmRSS:");
        if (fields.length < 18 || rssKb.isEmpty()) {
            return Optional.empty();
        }
        try {
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return Optional.of(new ProcStats(ticks, rssKb.get() * 1024, Integer.parseInt(fields[17])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The number of a {@code Name:   123 kB} line of {@code /proc/<pid>/status}. */
    static Optional<Long> statusValue(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name)) {
                String[] parts = line.substring(name.length()).trim().split("\\s+");
                try {
                    return Optional.of(Long.parseLong(parts[0]));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
