package org.opencentral.dtdl;

import java.util.List;
import java.util.Objects;

/**
 * The outcome for one file: the DTMIs of the interfaces it defines at top level and the errors in
 * it. {@code fromRepository} marks a file loaded from the model repository to resolve a reference
 * (listed only when it has errors).
 */
public record FileResult(String file, List<String> interfaces, List<DtdlError> errors, boolean fromRepository) {

    public FileResult {
        Objects.requireNonNull(file, "file");
        interfaces = List.copyOf(interfaces);
        errors = List.copyOf(errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
