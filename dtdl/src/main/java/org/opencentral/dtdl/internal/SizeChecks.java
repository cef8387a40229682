package org.opencentral.dtdl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.opencentral.dtdl.DtdlErrorCode;

/** DTDL v3's size limits: 1 MiB of text per Interface, 100,000 elements under {@code contents}. */
final class SizeChecks {

    static final int MAX_TEXT = 1 << 20;
    static final int MAX_ELEMENTS = 100_000;
    /** A document shorter than this cannot hold 100,000 elements ("{}," each). */
    private static final int MIN_TEXT_FOR_ELEMENT_LIMIT = 3 * MAX_ELEMENTS;

    private SizeChecks() {
    }

    static void check(Element el) {
        if (el.scope().v2() || el.scope().documentLength() < MIN_TEXT_FOR_ELEMENT_LIMIT) {
            return;
        }
        int text = el.node().toString().length();
        if (text > MAX_TEXT) {
            el.error(DtdlErrorCode.ELEMENT_COUNT_LIMIT, "the Interface is " + text + " characters long; the limit is 1 MiB");
        }
        int elements = count(el.node().path("contents"));
        if (elements > MAX_ELEMENTS) {
            el.child("contents").error(DtdlErrorCode.ELEMENT_COUNT_LIMIT, elements + " elements under contents; the"
                    + " limit is " + MAX_ELEMENTS);
        }
    }

    private static int count(JsonNode node) {
        int n = node.isObject() ? 1 : 0;
        for (JsonNode child : node) {
            n += count(child);
        }
        return n;
    }
}
