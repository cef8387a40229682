package org.opencentral.platform.query.ast;

/** A place in the query text: zero-based character offset, one-based line and column. */
public record SourcePosition(int offset, int line, int column) {
    public SourcePosition {
        if (offset < 0 || line < 1 || column < 1) {
            throw new IllegalArgumentException("bad position " + offset + "@" + line + ":" + column);
        }
    }

    /** The position of {@code offset} in {@code text}; lines end at \n, \r\n or a lone \r. */
    public static SourcePosition of(String text, int offset) {
        int end = Math.min(Math.max(offset, 0), text.length());
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
            if ((c == '\n' || c == '\r') && !crlf) {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourcePosition(Math.max(offset, 0), line, end - lineStart + 1);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
