package org.opencentral.platform.query.internal;

import org.opencentral.platform.query.QueryException;
import org.opencentral.platform.query.ast.SourcePosition;

/** Builds positioned {@link QueryException}s. */
final class QueryErrors {
    private QueryErrors() {
    }

    static QueryException at(String source, int offset, String detail) {
        return new QueryException(SourcePosition.of(source, offset), detail);
    }

    static QueryException at(SourcePosition position, String detail) {
        return new QueryException(position, detail);
    }

    /** How error messages show a character: {@code '!'}, or {@code U+0007} when unprintable. */
    static String describeChar(int codePoint) {
        if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)
                || !Character.isDefined(codePoint) || Character.getType(codePoint) == Character.FORMAT
                || Character.getType(codePoint) == Character.SURROGATE) {
            return String.format("U+%04X", codePoint);
        }
        return "'" + new String(Character.toChars(codePoint)) + "'";
    }
}
