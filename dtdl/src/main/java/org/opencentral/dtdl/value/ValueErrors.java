package org.opencentral.dtdl.value;

import java.util.ArrayList;
import java.util.List;

/** Collects value errors during one validation. */
final class ValueErrors {

    private final List<ValueError> list = new ArrayList<>();

    void add(String pointer, ValueErrorCode code, String message) {
        list.add(new ValueError(pointer, code, message));
    }

    List<ValueError> list() {
        return List.copyOf(list);
    }

    static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }
}
