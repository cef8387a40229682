package org.opencentral.sim.metrics;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the process listening on a TCP port: the socket inodes in LISTEN state from
 * {@code /proc/net/tcp} and {@code tcp6}, then the process whose {@code fd/} links to one of them.
 * Needs permission to read other processes' {@code fd} directories (same user or root).
 */
public final class PortOwner {
    private static final String LISTEN = "0A";

    private PortOwner() {
    }

    public static Optional<Long> find(int port) {
        Path proc = Path.of("/proc");
        Set<String> inodes = new HashSet<>();
        for (String table : new String[] {"net/tcp", "net/tcp6"}) {
            try {
                inodes.addAll(listeningInodes(Files.readString(proc.resolve(table)), port));
            } catch (IOException e) {
                // no IPv6 table: fine
            }
        }
        return inodes.isEmpty() ? Optional.empty() : processOwning(proc, inodes);
    }

    /** The inodes of sockets listening on {@code port} in the text of {@code /proc/net/tcp}. */
    static Set<String> listeningInodes(String table, int port) {
        String hexPort = ":" + String.format(Locale.ROOT, "%04X", port);
        Set<String> inodes = new HashSet<>();
        for (String line : table.split("\n")) {
            String[] f = line.trim().split("\\s+");
            // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
            if (f.length > 9 && f[1].endsWith(hexPort) && f[3].equals(LISTEN)) {
                inodes.add(f[9]);
            }
        }
        return inodes;
    }

    private static Optional<Long> processOwning(Path proc, Set<String> inodes) {
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path process : processes) {
                if (ownsAny(process.resolve("fd"), inodes)) {
                    return Optional.of(Long.parseLong(process.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean ownsAny(Path fdDir, Set<String> inodes) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
            for (Path fd : fds) {
                String target = Files.readSymbolicLink(fd).toString();
                if (target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1))) {
                    return true;
                }
            }
        } catch (IOException | SecurityException e) {
            return false;
        }
        return false;
    }
}
