package org.opencentral.dtdl.model;

/** The DTDL language version an interface was written in, chosen by its {@code @context}. */
public enum DtdlVersion {
    V2("dtmi:dtdl:context;2"),
    V3("dtmi:dtdl:context;3");

    private final String context;

    DtdlVersion(String context) {
        this.context = context;
    }

    /** The context specifier that selects this version. */
    public String context() {
        return context;
    }
}
