package org.opencentral.api.http;

import java.util.Optional;

/**
 * Entity tags. The registry keeps them quoted ({@code "…"}), the HTTP {@code ETag} header carries
 * them quoted and JSON bodies carry them bare; a client may send either form back.
 */
public final class ETags {
    private ETags() {
    }

    /** The quoted form of a tag given quoted, bare or weak ({@code W/"…"}); {@code *} stays {@code *}. */
    public static String quoted(String tag) {
        String t = tag.trim();
        if (t.startsWith("W/")) {
            t = t.substring(2);
        }
        if (t.equals("*")) {
            return t;
        }
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            return t;
        }
        return "\"" + t + "\"";
    }

    /** The tag without its quotes, as written into JSON bodies. */
    public static String bare(String tag) {
        String q = quoted(tag);
        return q.equals("*") ? q : q.substring(1, q.length() - 1);
    }

    /** The precondition of a write: the {@code If-Match} header, else the body's {@code etag}. */
    public static Optional<String> precondition(Optional<String> ifMatch, Optional<String> bodyEtag) {
        return ifMatch.or(() -> bodyEtag).filter(t -> !t.isBlank()).map(ETags::quoted);
    }
}
