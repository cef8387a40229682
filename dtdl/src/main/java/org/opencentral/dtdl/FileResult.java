package org.opencentral.dtdl;

import java.util.List;
import java.util.Objects;

/**
 * The outcome for one file validated as its own model: every error of that model, in the file or
 * in a document it depends on (each error names its document). Valid when there are none.
 */
public record FileResult(String file, List<DtdlError> errors) {

    public FileResult {
        Objects.requireNonNull(file, "file");
        errors = List.copyOf(errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
