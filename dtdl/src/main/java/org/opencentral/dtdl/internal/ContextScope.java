package org.opencentral.dtdl.internal;

import org.opencentral.dtdl.model.DtdlVersion;

/**
 * What the {@code @context} of a top-level interface selects, plus the document it is in.
 *
 * @param documentLength characters of the whole document (to skip the v3 size check cheaply)
 */
record ContextScope(String location, DtdlVersion version, boolean iotc, boolean quantitative, int documentLength) {

    boolean v2() {
        return version == DtdlVersion.V2;
    }
}
