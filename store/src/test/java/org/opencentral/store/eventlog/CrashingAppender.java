package org.opencentral.store.eventlog;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * Child-process main for {@link EventLogCrashTest}: appends numbered events from four threads
 * without end (to the log named by the arguments: {@code duckdb <file> [<checkpoint WAL bytes>]} or
 * {@code postgres <url> <user> <password>}) and prints "sequence number" for each acknowledged append, until it is killed.
 */
public final class CrashingAppender {
    private CrashingAppender() {
    }

    public static void main(String[] args) throws Exception {
        GroupCommitLog log = switch (args[0]) {
            case "duckdb" -> args.length > 2
                    ? DuckDbEventLog.open(Path.of(args[1]),
                            new DuckDbLogSettings(true, Long.parseLong(args[2]), Duration.ofMillis(100)))
                    : DuckDbEventLog.open(Path.of(args[1]));
            case "postgres" -> PostgresEventLog.open(args[1], args[2], args[3]);
            default -> throw new IllegalArgumentException("engine: duckdb or postgres");
        };
        PrintStream out = System.out;
        Semaphore inFlight = new Semaphore(2_000);
        int threads = 4;
        for (int t = 0; t < threads; t++) {
            long start = t;
            Thread.ofPlatform().start(() -> {
                for (long n = start; ; n += threads) {
                    inFlight.acquireUninterruptibly();
                    long number = n;
                    log.append(Events.numbered(number)).thenAccept(sequence -> {
                        synchronized (out) {
                            out.println(sequence + " " + number);
                            out.flush();
                        }
                        inFlight.release();
                    });
                }
            });
        }
    }
}
