package org.opencentral.dtdl.internal;

import java.util.Optional;
import java.util.regex.Pattern;
import org.opencentral.dtdl.DtdlErrorCode;
import org.opencentral.dtdl.model.DtdlVersion;

/** The {@code name} rules: letters, digits and '_', starting with a letter, ending alphanumeric. */
final class NameRules {

    private static final Pattern NAME = Pattern.compile("[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?");

    private NameRules() {
    }

    static int maxLength(DtdlVersion version) {
        return version == DtdlVersion.V2 ? 64 : 512;
    }

    /** Reads the required {@code name} of {@code el} and checks it. */
    static Optional<String> read(Element el, String kind) {
        Optional<String> name = el.requiredText("name", kind);
        if (name.isEmpty()) {
            return name;
        }
        String value = name.get();
        Element at = el.child("name");
        int max = maxLength(el.version());
        if (value.length() > max) {
            at.error(DtdlErrorCode.NAME_TOO_LONG, "name '" + value.substring(0, Math.min(40, value.length()))
                    + "...' is " + value.length() + " characters long; the limit is " + max);
            return Optional.empty();
        }
        if (!NAME.matcher(value).matches()) {
            at.error(DtdlErrorCode.NAME_INVALID, "name '" + value + "' must contain only letters, digits and '_',"
                    + " start with a letter and end with a letter or digit");
            return Optional.empty();
        }
        return name;
    }
}
