package org.opencentral.store.eventlog;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;

/**
 * Child-process main for {@link EventLogCrashTest}: appends numbered events from four threads
 * without end and prints "sequence number" for each acknowledged append, until it is killed.
 */
public final class CrashingAppender {
    private CrashingAppender() {
    }

    public static void main(String[] args) throws Exception {
        DuckDbEventLog log = DuckDbEventLog.open(Path.of(args[0]));
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
