package org.opencentral.it.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * The CPU time the export's threads used, read from the JVM's per-thread counters: the runner's
 * thread ({@code export-runner}), the carriers of virtual threads (the lanes' requests; the
 * benchmark's receiver runs on platform threads of its own so it is not counted), the JDK HTTP
 * client's threads and the Kafka producer's network thread. What the JVM cannot see is not in it:
 * DuckDB's native worker threads reading the log. The embedded Kafka broker's threads are counted apart
 * ({@link #brokerNanos()}). A thread that ended between two readings loses
 * what it used since the first, so a figure errs low, never high. Whole-process CPU is given beside it.
 */
final class ExportCpu {
    private static final List<String> EXPORT_THREADS = List.of("export-runner", "ForkJoinPool-",
            "HttpClient-", "kafka-producer-network-thread");
    /** The embedded KRaft broker's threads (part of the benchmark, not of the export). */
    private static final List<String> BROKER_THREADS = List.of("data-plane-kafka-", "kafka-1-", "quorum-controller-",
            "kafka-scheduler-", "controller-1-", "ExpirationReaper-", "broker-1-");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ExportCpu() {
    }

    /** CPU nanoseconds used so far by the export's threads alive now. */
    static long exportNanos() {
        return nanos(EXPORT_THREADS);
    }

    /** CPU nanoseconds used so far by the embedded broker's threads alive now (none for other destinations). */
    static long brokerNanos() {
        return nanos(BROKER_THREADS);
    }

    /** CPU nanoseconds used so far by the runner's thread alone (reading, formatting, handing to the sender). */
    static long runnerNanos() {
        return nanos(List.of("export-runner"));
    }

    private static long nanos(List<String> prefixes) {
        long total = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && prefixes.stream().anyMatch(info.getThreadName()::startsWith)) {
                total += Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    /** CPU nanoseconds used so far by the whole process. */
    static long processNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU seconds per 100,000 messages. */
    static double per100k(long nanos, long messages) {
        return messages == 0 ? Double.NaN : nanos / 1e9 * 100_000 / messages;
    }
}
