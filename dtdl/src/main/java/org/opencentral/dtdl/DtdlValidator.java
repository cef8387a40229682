package org.opencentral.dtdl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Validates model files and folders (searched recursively for {@code *.json}) the way the public
 * model repository's tooling does: each file is its own model, parsed with the parser the server
 * uses. What a file references is resolved from the other files given (so a folder of models that
 * use each other validates without a repository) and then from the optional repository folder. Two
 * files never clash with each other (two versions of a model may repeat nested {@code @id}s); a
 * clash inside a file, or between a file and what it depends on, is an error.
 */
public final class DtdlValidator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DtdlValidator() {
    }

    /** One result per file, in the order the files were found. */
    public static List<FileResult> validatePaths(List<Path> paths, Optional<Path> repository) {
        List<ModelDocument> docs = expand(paths).stream().map(DtdlValidator::read).toList();
        ModelSource repo = repository.<ModelSource>map(FolderModelSource::new).orElse(ModelSource.none());
        Map<String, ModelDocument> given = new HashMap<>();
        docs.forEach(doc -> topLevelIds(doc).forEach(id -> given.putIfAbsent(id, doc)));
        List<FileResult> results = new ArrayList<>();
        for (ModelDocument doc : docs) {
            ModelSource others = dtmi -> Optional.ofNullable(given.get(dtmi)).filter(d -> d != doc);
            ParseResult result = new DtdlParser(others.orElse(repo)).parse(doc);
            results.add(new FileResult(doc.location(), result.errors()));
        }
        return List.copyOf(results);
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
