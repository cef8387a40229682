package org.opencentral.platform.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pretty, deterministic JSON for golden files: keys in insertion order, two-space indent. */
final class CanonicalJson {
    private CanonicalJson() {
    }

    /** An ordered object from alternating keys and values; empty Optionals become null. */
    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            map.put((String) keysAndValues[i], value instanceof Optional<?> o ? o.orElse(null) : value);
        }
        return map;
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, "");
        return out.append('\n').toString();
    }

    private static void write(Object value, StringBuilder out, String indent) {
        switch (value) {
            case null -> out.append("null");
            case Map<?, ?> map -> writeObject(map, out, indent);
            case List<?> list -> writeArray(list, out, indent);
            case String s -> writeString(s, out);
            case BigDecimal d -> out.append(d.toString());
            case Number n -> out.append(n);
            case Boolean b -> out.append(b);
            default -> throw new IllegalArgumentException("not JSON: " + value.getClass());
        }
    }

    private static void writeObject(Map<?, ?> map, StringBuilder out, String indent) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append("{\n");
        List<String> entries = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            StringBuilder entry = new StringBuilder(indent + "  ");
            writeString((String) e.getKey(), entry);
            entry.append(": ");
            write(e.getValue(), entry, indent + "  ");
            entries.add(entry.toString());
        }
        out.append(String.join(",\n", entries)).append('\n').append(indent).append('}');
    }

    private static void writeArray(List<?> list, StringBuilder out, String indent) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append("[\n");
        List<String> items = new ArrayList<>();
        for (Object item : list) {
            StringBuilder sb = new StringBuilder(indent + "  ");
            write(item, sb, indent + "  ");
            items.add(sb.toString());
        }
        out.append(String.join(",\n", items)).append('\n').append(indent).append(']');
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        out.append('"');
    }
}
