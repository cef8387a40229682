package org.opencentral.dtdl.internal;

/** JSON pointer (RFC 6901) construction. */
final class Pointer {

    private Pointer() {
    }

    static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }
}
