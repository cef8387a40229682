package org.opencentral.core.export;

import java.util.regex.Pattern;
import org.opencentral.core.DomainException;

/** The ids of exports and destinations: letters, digits, '-', '_' and '.', 1 to 128 characters. */
final class ExportIds {
    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$");

    private ExportIds() {
    }

    static String check(String kind, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw DomainException.badRequest("invalid " + kind + " id '" + id
                    + "': 1-128 letters, digits, '-', '_' or '.', starting with a letter or digit");
        }
        return id;
    }

    static String displayName(String kind, String displayName) {
        if (displayName == null || displayName.isBlank()) {
            throw DomainException.badRequest("a " + kind + " needs a displayName");
        }
        return displayName;
    }
}
