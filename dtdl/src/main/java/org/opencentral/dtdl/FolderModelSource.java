package org.opencentral.dtdl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.dtdl.model.Dtmi;

/**
 * A folder laid out like the public model repository: {@code dtmi:com:example:Thermostat;1} is
 * {@code <root>/dtmi/com/example/thermostat-1.json}.
 */
public final class FolderModelSource implements ModelSource {

    private final Path root;

    public FolderModelSource(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    public Path root() {
        return root;
    }

    /** The file that would hold {@code dtmi} (whether or not it exists). */
    public Optional<Path> pathOf(String dtmi) {
        if (!dtmi.startsWith("dtmi:") || dtmi.contains("..") || dtmi.contains("/") || dtmi.contains("\\")) {
            return Optional.empty();
        }
        return Optional.of(root.resolve(new Dtmi(dtmi).repositoryPath()));
    }

    @Override
    public Optional<ModelDocument> find(String dtmi) {
        return pathOf(dtmi).filter(Files::isRegularFile).map(FolderModelSource::read);
    }

    private static ModelDocument read(Path file) {
        try {
            return new ModelDocument(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model file " + file, e);
        }
    }
}
