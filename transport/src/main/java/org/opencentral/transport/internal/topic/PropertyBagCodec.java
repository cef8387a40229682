package org.opencentral.transport.internal.topic;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * IoT Hub property bags ({@code key=value&key2=value2}, reference §1.5). Keys and values are
 * URL-decoded ({@code %24.sub} is {@code $.sub}); {@code $.x} keys are system properties mapped to
 * long names, {@code $.sub} is the component, everything else an application property. Encoding
 * percent-encodes everything but unreserved characters, so values never carry a raw {@code /} (the
 * Node SDK splits C2D topics on it), spaces are {@code %20}, never {@code +}, and system keys start
 * with {@code %24.} as IoT Hub sends them: the Java SDK reads a C2D property bag from the first
 * {@code %24} of the topic on and would drop every property of a bag without one. System
 * properties therefore come first.
 */
public final class PropertyBagCodec {
    static final String SYSTEM_PREFIX = "$.";
    static final String COMPONENT = "sub";
    static final Map<String, String> LONG_NAMES = Map.ofEntries(
            Map.entry("mid", "messageId"), Map.entry("cid", "correlationId"), Map.entry("uid", "userId"),
            Map.entry("to", "to"), Map.entry("ct", "contentType"), Map.entry("ce", "contentEncoding"),
            Map.entry("exp", "absoluteExpiryTime"), Map.entry("ctime", "creationTime"),
            Map.entry("cdid", "connectionDeviceId"), Map.entry("cmid", "connectionModuleId"),
            Map.entry("on", "outputName"), Map.entry("ifid", "interfaceId"));
    static final Map<String, String> SHORT_NAMES = LONG_NAMES.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

    private static final Decoded<PropertyBag> EMPTY = Decoded.ok(PropertyBag.EMPTY);

    private PropertyBagCodec() {
    }

    /**
     * The bag split into component, system and application properties. Straight from the pairs, without
     * an intermediate map; an empty bag (what most devices send: {@code devices/{id}/messages/events/})
     * allocates nothing — one telemetry message each, these were a tenth of the event loops' allocation.
     */
    public static Decoded<PropertyBag> decode(String bag) {
        if (bag.isEmpty()) {
            return EMPTY;
        }
        Map<String, String> system = new HashMap<>();
        Map<String, String> application = new HashMap<>();
        String[] component = {null};
        String failure = forEachPair(bag, (key, value) -> {
            if (!key.startsWith(SYSTEM_PREFIX)) {
                application.put(key, value);
            } else if (key.equals(SYSTEM_PREFIX + COMPONENT)) {
                component[0] = value;
            } else {
                String shortName = key.substring(SYSTEM_PREFIX.length());
                system.put(LONG_NAMES.getOrDefault(shortName, key), value);
            }
        });
        if (failure != null) {
            return Decoded.failed(failure);
        }
        return Decoded.ok(new PropertyBag(Optional.ofNullable(component[0]).filter(c -> !c.isEmpty()), system,
                application));
    }

    /** URL-decoded {@code key=value} pairs in order; a key without {@code =} has an empty value. */
    public static Decoded<Map<String, String>> decodePairs(String bag) {
        Map<String, String> pairs = new LinkedHashMap<>();
        String failure = forEachPair(bag, pairs::put);
        return failure == null ? Decoded.ok(pairs) : Decoded.failed(failure);
    }

    /**
     * Hands each URL-decoded pair of {@code bag} to {@code pair}, in order, skipping empty segments; returns
     * why the bag is malformed (at the first bad pair), or null.
     */
    private static String forEachPair(String bag, BiConsumer<String, String> pair) {
        int start = 0;
        while (start <= bag.length()) {
            int amp = bag.indexOf('&', start);
            int end = amp < 0 ? bag.length() : amp;
            if (end > start) {
                String segment = bag.substring(start, end);
                int eq = segment.indexOf('=');
                String rawKey = eq < 0 ? segment : segment.substring(0, eq);
                String rawValue = eq < 0 ? "" : segment.substring(eq + 1);
                try {
                    String key = URLDecoder.decode(rawKey, StandardCharsets.UTF_8);
                    if (key.isEmpty()) {
                        return "empty property name";
                    }
                    pair.accept(key, URLDecoder.decode(rawValue, StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    return "malformed percent-encoding in '" + abbreviate(segment) + "'";
                }
            }
            start = end + 1;
        }
        return null;
    }

    public static String encode(PropertyBag bag) {
        StringBuilder out = new StringBuilder();
        bag.component().ifPresent(c -> append(out, SYSTEM_PREFIX + COMPONENT, c));
        bag.systemProperties().forEach((name, value) ->
                append(out, SHORT_NAMES.containsKey(name) ? SYSTEM_PREFIX + SHORT_NAMES.get(name) : name, value));
        bag.applicationProperties().forEach((name, value) -> append(out, name, value));
        return out.toString();
    }

    private static void append(StringBuilder out, String key, String value) {
        if (!out.isEmpty()) {
            out.append('&');
        }
        out.append(percentEncode(key)).append('=').append(percentEncode(value));
    }

    /** Percent-encodes UTF-8 bytes except {@code A-Z a-z 0-9 - _ . ~}. */
    public static String percentEncode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
