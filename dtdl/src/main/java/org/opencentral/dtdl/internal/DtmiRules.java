package org.opencentral.dtdl.internal;

import java.util.Optional;
import java.util.regex.Pattern;
import org.opencentral.dtdl.DtdlErrorCode;
import org.opencentral.dtdl.model.DtdlVersion;
import org.opencentral.dtdl.model.Dtmi;

/** DTMI syntax, length and reserved-prefix rules (DTDL v2 §DTMI, v3 adds optional/two-part versions). */
final class DtmiRules {

    static final int INTERFACE_MAX = 128;
    static final int USER_MAX = 2048;

    private static final String SEGMENT = "[A-Za-z_](?:[A-Za-z0-9_]*[A-Za-z0-9])?";
    private static final String PATH = "dtmi:" + SEGMENT + "(?::" + SEGMENT + ")*";
    private static final Pattern V2 = Pattern.compile(PATH + ";[1-9][0-9]{0,8}");
    private static final Pattern V3 = Pattern.compile(PATH + "(?:;[1-9][0-9]{0,8}(?:\\.[1-9][0-9]{0,5})?)?");
    private static final Pattern SYSTEM_SEGMENT = Pattern.compile("[:]_");

    private DtmiRules() {
    }

    /**
     * Checks the string at {@code at} (a definition's {@code @id} when {@code definition}, else a
     * reference) and returns it as a DTMI when valid; errors are reported at {@code at}.
     */
    static Optional<Dtmi> check(Element at, String value, int maxLength, boolean definition) {
        DtdlVersion version = at.version();
        if (value.length() > maxLength) {
            at.error(DtdlErrorCode.DTMI_TOO_LONG, "'" + abbreviate(value) + "' is " + value.length()
                    + " characters long; the limit here is " + maxLength);
            return Optional.empty();
        }
        Pattern syntax = version == DtdlVersion.V2 ? V2 : V3;
        if (!syntax.matcher(value).matches()) {
            at.error(DtdlErrorCode.DTMI_INVALID, "'" + abbreviate(value) + "' is not a valid DTMI: " + hint(version));
            return Optional.empty();
        }
        if (SYSTEM_SEGMENT.matcher(value).find()) {
            at.error(DtdlErrorCode.DTMI_INVALID, "'" + value + "' has a system segment (starting with '_'),"
                    + " which model documents may not use");
            return Optional.empty();
        }
        if (definition && (value.startsWith("dtmi:dtdl:") || value.startsWith("dtmi:standard:"))) {
            at.error(DtdlErrorCode.DTMI_RESERVED, "'" + value + "' uses a prefix reserved by DTDL"
                    + " (dtmi:dtdl:, dtmi:standard:)");
            return Optional.empty();
        }
        return Optional.of(new Dtmi(value));
    }

    private static String hint(DtdlVersion version) {
        return version == DtdlVersion.V2
                ? "expected dtmi:<segment>(:<segment>)*;<version> with segments of letters, digits and '_'"
                        + " (starting with a letter, not ending with '_') and a version of 1-9 digits without"
                        + " a leading zero"
                : "expected dtmi:<segment>(:<segment>)*[;<major>[.<minor>]] with segments of letters, digits"
                        + " and '_' (starting with a letter, not ending with '_'), a major version of 1-9 and a"
                        + " minor version of 1-6 digits, neither with a leading zero";
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
