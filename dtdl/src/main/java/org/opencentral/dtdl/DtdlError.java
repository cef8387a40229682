package org.opencentral.dtdl;

import java.util.Objects;

/**
 * One model error: the document it is in (a path or another location string), the JSON pointer
 * of the offending element within that document ({@code ""} is the document root; {@code /0/...}
 * the first interface of an array document), a stable code and a message for the modeller.
 */
public record DtdlError(String document, String pointer, DtdlErrorCode code, String message) {

    public DtdlError {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new IllegalArgumentException("not a JSON pointer: " + pointer);
        }
    }

    /** {@code document: pointer: CODE: message}, the root pointer shown as {@code /}. */
    public String format() {
        return document + ": " + (pointer.isEmpty() ? "/" : pointer) + ": " + code + ": " + message;
    }
}
