package org.opencentral.store.eventlog;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * What one journal record's {@code write} plus {@code fdatasync} costs on this disk (not a test), in a file that
 * grows with each write ("append": the force also writes the new size) and in one zero-filled beforehand
 * ("prealloc", as {@link Journal} segments are): mean and percentiles per round, the two alternated.
 *
 * <pre>java store/src/test/java/org/opencentral/store/eventlog/JournalForceBenchmark.java /tmp/jforce 2000 16384 3</pre>
 * Arguments: directory (on the disk to measure), writes per run, bytes per write, rounds.
 */
public final class JournalForceBenchmark {
    private JournalForceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Files.createDirectories(Path.of(args[0]));
        int writes = Integer.parseInt(args[1]);
        int size = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        for (int round = 0; round < rounds; round++) {
            for (boolean prealloc : new boolean[] {false, true}) {
                run(directory.resolve("force-" + round + (prealloc ? "-prealloc" : "-append")), writes, size, prealloc);
            }
        }
    }

    private static void run(Path file, int writes, int size, boolean prealloc) throws Exception {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            if (prealloc) {
                ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 20);
                for (long at = 0; at < (long) writes * size; at += zeros.capacity()) {
                    channel.write(zeros.clear(), at);
                }
                channel.force(true);
            }
            ByteBuffer record = ByteBuffer.allocateDirect(size);
            long[] nanos = new long[writes];
            for (int i = 0; i < writes; i++) {
                long start = System.nanoTime();
                channel.write(record.clear(), (long) i * size);
                channel.force(false);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf("%-8s %6d B: mean %.3f ms, p50 %.3f, p90 %.3f, p99 %.3f%n", prealloc ? "prealloc" : "append",
                    size, Arrays.stream(nanos).average().orElse(0) / 1e6, nanos[writes / 2] / 1e6,
                    nanos[writes * 9 / 10] / 1e6, nanos[writes * 99 / 100] / 1e6);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
