package org.opencentral.dtdl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.opencentral.dtdl.DtdlErrorCode;
import org.opencentral.dtdl.model.DtdlVersion;

/** Reads the {@code @context} of a top-level element into a {@link ContextScope}. */
final class ContextReader {

    static final String IOTC = "dtmi:iotcentral:context;2";
    static final String QUANTITATIVE = "dtmi:dtdl:extension:quantitativeTypes;1";

    private ContextReader() {
    }

    static Optional<ContextScope> read(JsonNode node, String pointer, String location, int docLength, ErrorSink errors) {
        JsonNode context = node.get("@context");
        String at = Pointer.child(pointer, "@context");
        if (context == null) {
            errors.add(location, pointer, DtdlErrorCode.CONTEXT_MISSING,
                    "@context is required: use \"dtmi:dtdl:context;2\" or \"dtmi:dtdl:context;3\"");
            return Optional.empty();
        }
        DtdlVersion version = null;
        boolean iotc = false;
        boolean quantitative = false;
        boolean ok = true;
        for (JsonNode entry : context.isArray() ? context : List.of(context)) {
            String value = entry.isTextual() ? entry.textValue() : "";
            Optional<DtdlVersion> v = versionOf(value);
            if (v.isPresent() && version != null && version != v.get()) {
                errors.add(location, at, DtdlErrorCode.CONTEXT_UNSUPPORTED, "@context names two DTDL versions");
                ok = false;
            } else if (v.isPresent()) {
                version = v.get();
            } else if (value.equals(IOTC)) {
                iotc = true;
            } else if (value.equals(QUANTITATIVE)) {
                quantitative = true;
            } else {
                errors.add(location, at, DtdlErrorCode.CONTEXT_UNSUPPORTED, "context '" + value + "' is not supported"
                        + " (supported: dtmi:dtdl:context;2, dtmi:dtdl:context;3, " + IOTC + ", " + QUANTITATIVE + ")");
                ok = false;
            }
        }
        if (version == null && ok) {
            errors.add(location, at, DtdlErrorCode.CONTEXT_MISSING,
                    "@context must include \"dtmi:dtdl:context;2\" or \"dtmi:dtdl:context;3\"");
            return Optional.empty();
        }
        if (version == null) {
            return Optional.empty();
        }
        ok &= compatible(version, iotc, quantitative, location, at, errors);
        return ok ? Optional.of(new ContextScope(location, version, iotc, quantitative, docLength)) : Optional.empty();
    }

    private static Optional<DtdlVersion> versionOf(String context) {
        for (DtdlVersion v : DtdlVersion.values()) {
            if (v.context().equals(context)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    private static boolean compatible(DtdlVersion version, boolean iotc, boolean quantitative, String location,
            String at, ErrorSink errors) {
        if (quantitative && version == DtdlVersion.V2) {
            errors.add(location, at, DtdlErrorCode.CONTEXT_UNSUPPORTED, QUANTITATIVE + " is usable with DTDL v3 only;"
                    + " DTDL v2 has semantic types built in");
            return false;
        }
        if (iotc && version == DtdlVersion.V3) {
            errors.add(location, at, DtdlErrorCode.CONTEXT_UNSUPPORTED, IOTC + " is usable with DTDL v2 only");
            return false;
        }
        return true;
    }
}
