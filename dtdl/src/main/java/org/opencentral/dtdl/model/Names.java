package org.opencentral.dtdl.model;

import java.util.Objects;

/** Argument checks shared by the model records. */
final class Names {

    private Names() {
    }

    static String require(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("blank name");
        }
        return name;
    }
}
