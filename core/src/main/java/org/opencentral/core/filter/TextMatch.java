package org.opencentral.core.filter;

import java.util.Locale;

/** OData's string functions; OpenCentral matches them case-insensitively (a search, not an identity). */
public enum TextMatch {
    CONTAINS, STARTSWITH, ENDSWITH;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code value} matches {@code text} (both folded to lower case). */
    public boolean test(String value, String text) {
        String v = value.toLowerCase(Locale.ROOT);
        String t = text.toLowerCase(Locale.ROOT);
        return switch (this) {
            case CONTAINS -> v.contains(t);
            case STARTSWITH -> v.startsWith(t);
            case ENDSWITH -> v.endsWith(t);
        };
    }
}
