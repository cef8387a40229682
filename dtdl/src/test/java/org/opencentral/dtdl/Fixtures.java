package org.opencentral.dtdl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The DTDL fixtures ({@code ../testdata/dtdl} from the module directory). */
final class Fixtures {

    private Fixtures() {
    }

    static Path dir() {
        Path dir = Path.of("../testdata/dtdl").toAbsolutePath().normalize();
        if (!Files.isDirectory(dir.resolve("dtmi"))) {
            throw new IllegalStateException("DTDL fixtures not found at " + dir + " (tests must run with the dtdl"
                    + " module as working directory, inside the repository)");
        }
        return dir;
    }

    static List<Path> all() {
        try (Stream<Path> files = Files.walk(dir())) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path file(String relative) {
        return dir().resolve(relative);
    }

    static ModelDocument document(Path file) {
        try {
            return new ModelDocument(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
