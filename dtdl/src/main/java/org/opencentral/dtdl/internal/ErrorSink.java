package org.opencentral.dtdl.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.opencentral.dtdl.DtdlError;
import org.opencentral.dtdl.DtdlErrorCode;

/** Collects errors in discovery order; the same error reported twice is kept once. */
final class ErrorSink {

    private final Set<DtdlError> errors = new LinkedHashSet<>();

    void add(String document, String pointer, DtdlErrorCode code, String message) {
        errors.add(new DtdlError(document, pointer, code, message));
    }

    int count() {
        return errors.size();
    }

    List<DtdlError> all() {
        return List.copyOf(errors);
    }
}
