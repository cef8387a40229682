package org.opencentral.platform.query.internal;

import java.util.Arrays;
import org.opencentral.platform.query.ast.SourcePosition;

/** Offsets to line:column in O(log lines), computed once per query text (lines end as in {@link SourcePosition#of}). */
final class LineMap {
    private final int[] lineStarts;
    private final int length;

    LineMap(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
            if ((c == '\n' || c == '\r') && !crlf) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
        this.length = text.length();
    }

    SourcePosition position(int offset) {
        int at = Math.min(Math.max(offset, 0), length);
        int line = Arrays.binarySearch(lineStarts, at);
        if (line < 0) {
            line = -line - 2;
        }
        return new SourcePosition(Math.max(offset, 0), line + 1, at - lineStarts[line] + 1);
    }
}
