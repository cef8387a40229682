package org.opencentral.platform.export.delivery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.opencentral.core.export.FolderDestination;

/**
 * {@code folder@v1}'s files: under {@code {export directory}/{path}}, each append written and fsynced
 * (file, and the directories it created) before it returns, so a moved cursor never points past lines
 * a crash could lose. A file ending in a partial line (a crash in the middle of an append, whose batch
 * is sent again) is cut back to its last whole line first; a pipe is its file's only writer (the file
 * name is its export's id), so nothing else is cut.
 */
public final class FolderFiles implements MinuteFiles.Files {
    /** Where no export directory is configured: every append fails, saying so. */
    public static final MinuteFiles.Files NONE = (path, lines) -> {
        throw new IOException("no export directory is configured (folder@v1 needs the server's data directory)");
    };
    private final Path folder;

    /** {@code root} is the export directory; the destination's folder must stay inside it. */
    public FolderFiles(Path root, FolderDestination destination) {
        Path base = root.toAbsolutePath().normalize();
        this.folder = base.resolve(destination.path()).normalize();
        if (!folder.startsWith(base) || folder.equals(base)) {
            throw new IllegalArgumentException("folder '" + destination.path() + "' is not inside " + base);
        }
    }

    @Override
    public void append(String path, byte[] lines) throws IOException {
        Path file = folder.resolve(path).normalize();
        if (!file.startsWith(folder)) {
            throw new IOException("'" + path + "' is not inside the destination's folder");
        }
        Path created = createDirectories(file.getParent());
        boolean fresh = !Files.exists(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ)) {
            long end = wholeLines(channel);
            ByteBuffer buffer = ByteBuffer.wrap(lines);
            while (buffer.hasRemaining()) {
                end += channel.write(buffer, end);
            }
            channel.force(true);
        }
        if (fresh) {
            for (Path dir = file.getParent(); dir != null && !dir.equals(created.getParent()); dir = dir.getParent()) {
                syncDirectory(dir);
            }
        }
    }

    /** Creates {@code dir}'s missing directories; answers the outermost one that existed. */
    private static Path createDirectories(Path dir) throws IOException {
        Path existing = dir;
        while (existing != null && !Files.isDirectory(existing)) {
            existing = existing.getParent();
        }
        Files.createDirectories(dir);
        return existing == null ? dir.getRoot() : existing;
    }

    /** The length of the file's whole lines, the file cut to it if it ends in a partial line. */
    private static long wholeLines(FileChannel channel) throws IOException {
        long size = channel.size();
        long end = size;
        ByteBuffer one = ByteBuffer.allocate(1);
        while (end > 0) {
            one.clear();
            channel.read(one, end - 1);
            if (one.get(0) == '\n') {
                break;
            }
            end--;
        }
        if (end < size) {
            channel.truncate(end);
        }
        return end;
    }

    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
