package org.opencentral.api;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.opencentral.api.openapi.OpenApiDocument;
import org.opencentral.core.Json;
import org.slf4j.LoggerFactory;

/**
 * Writes the OpenAPI document a node serves ({@code /api/openapi.json}) to a file, for the web UI's
 * generated API types. The build runs it after the test classes compile ({@code exec-maven-plugin},
 * not skipped by {@code -DskipTests}): a platform with every optional service, device templates
 * included, on a temporary directory, whose route table the document is built from.
 */
public final class OpenApiDocumentFile {
    private OpenApiDocumentFile() {
    }

    /** {@code args[0]}: the file to write (its folders are created). */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: OpenApiDocumentFile <output.json>");
        }
        // The platform's start-up lines are noise in a build's output.
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Path out = Path.of(args[0]).toAbsolutePath();
        Path dir = Files.createTempDirectory("opencentral-openapi");
        try (TestPlatform platform = new TestPlatform(dir, ApiConfig.of("127.0.0.1", 0, TestPlatform.ID_SCOPE))) {
            Files.createDirectories(out.getParent());
            Files.writeString(out, Json.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(OpenApiDocument.of(platform.server.routes())));
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
