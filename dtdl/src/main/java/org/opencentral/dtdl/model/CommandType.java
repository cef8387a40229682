package org.opencentral.dtdl.model;

/** DTDL v2's deprecated {@code commandType}; both values mean the same. */
public enum CommandType {
    SYNCHRONOUS("synchronous"),
    ASYNCHRONOUS("asynchronous");

    private final String term;

    CommandType(String term) {
        this.term = term;
    }

    public String term() {
        return term;
    }
}
