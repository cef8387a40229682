package org.opencentral.platform.query.internal;

import java.util.regex.Pattern;

/**
 * Syntax of the id after FROM: a DTMI ({@code dtmi:azurertos:devkit:hlby5jgib2o}, optionally with
 * {@code ;version}) or a legacy IoT Central {@code urn:} template id.
 */
final class TemplateIds {
    private static final String SEGMENT = "[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?";
    private static final String LATER_SEGMENT = "[A-Za-z_](?:[A-Za-z0-9_]*[A-Za-z0-9])?";
    private static final Pattern DTMI = Pattern.compile(
            "dtmi:" + SEGMENT + "(?::" + LATER_SEGMENT + ")*(?:;[1-9][0-9]{0,8}(?:\\.[1-9][0-9]{0,5})?)?");
    private static final Pattern URN = Pattern.compile("urn(?::[A-Za-z0-9_.-]+)+");
    private static final int MAX_LENGTH = 4_096;

    private TemplateIds() {
    }

    static boolean isValid(String id) {
        return id.length() <= MAX_LENGTH && (DTMI.matcher(id).matches() || URN.matcher(id).matches());
    }
}
