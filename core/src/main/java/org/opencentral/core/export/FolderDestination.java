package org.opencentral.core.export;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.opencentral.core.DomainException;

/**
 * {@code folder@v1} (OpenCentral's extension): a folder under the server's export directory
 * ({@code {data directory}/exports}) that exported messages are written to in blob storage's
 * layout. {@code path} is relative and stays inside that directory: an absolute path, a '..'
 * segment, a '\' or an empty segment is refused, so a destination can never name a file elsewhere.
 */
public record FolderDestination(String id, String displayName, String path) implements Destination {
    public static final String TYPE = "folder@v1";

    public FolderDestination {
        ExportIds.check("destination", id);
        ExportIds.displayName("destination", displayName);
        if (path == null || path.isBlank() || path.length() > 200) {
            throw DomainException.badRequest("a folder@v1 destination needs a 'path' (1-200 characters)");
        }
        if (path.startsWith("/") || path.contains("\\") || path.contains(":")
                || path.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.badRequest("'path' must be a relative path inside the export directory "
                    + "(no leading '/', no '\\', no ':')");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw DomainException.badRequest("'path' must not have empty, '.' or '..' segments: it stays inside "
                        + "the export directory");
            }
        }
        try {
            Path.of(path);
        } catch (InvalidPathException e) {
            throw DomainException.badRequest("'path' is not a valid path: " + e.getReason());
        }
    }

    @Override
    public String type() {
        return TYPE;
    }
}
