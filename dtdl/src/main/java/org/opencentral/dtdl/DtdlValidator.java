package org.opencentral.dtdl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Validates model files and folders (searched recursively for {@code *.json}) the way the server
 * does: all files are parsed together, so they may reference each other; other references are
 * resolved from the optional repository folder.
 */
public final class DtdlValidator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DtdlValidator() {
    }

    /** Per-file results, in the order the files were found; files from the repository follow if in error. */
    public static List<FileResult> validatePaths(List<Path> paths, Optional<Path> repository) {
        List<Path> files = expand(paths);
        List<ModelDocument> docs = files.stream().map(DtdlValidator::read).toList();
        ModelSource source = repository.<ModelSource>map(FolderModelSource::new).orElse(ModelSource.none());
        ParseResult result = new DtdlParser(source).parse(docs);
        Map<String, FileResult> byFile = new LinkedHashMap<>();
        for (ModelDocument doc : docs) {
            byFile.put(doc.location(), new FileResult(doc.location(), topLevelIds(doc), result.errorsIn(doc.location()), false));
        }
        for (DtdlError error : result.errors()) {
            byFile.computeIfAbsent(error.document(),
                    f -> new FileResult(f, List.of(), result.errorsIn(f), true));
        }
        return List.copyOf(byFile.values());
    }

    /** The given files, and the {@code *.json} files under the given folders (sorted). */
    static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json"))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + path, e);
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }

    private static ModelDocument read(Path file) {
        try {
            return new ModelDocument(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<String> topLevelIds(ModelDocument doc) {
        try {
            JsonNode root = JSON.readTree(doc.json());
            List<String> ids = new ArrayList<>();
            for (JsonNode node : root != null && root.isArray() ? root : List.of(Optional.ofNullable(root)
                    .orElse(JSON.nullNode()))) {
                if (node.path("@id").isTextual()) {
                    ids.add(node.path("@id").textValue());
                }
            }
            return ids;
        } catch (IOException e) {
            return List.of();
        }
    }
}
