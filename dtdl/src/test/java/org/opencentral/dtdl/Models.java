package org.opencentral.dtdl;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Small DTDL documents for tests. */
final class Models {

    static final String ID = "dtmi:test:Model;1";

    private Models() {
    }

    /** A DTDL v2 interface {@value #ID} with the given contents (JSON array text without brackets). */
    static String v2(String contents) {
        return iface("\"dtmi:dtdl:context;2\"", ID, contents, "");
    }

    static String v3(String contents) {
        return iface("[\"dtmi:dtdl:context;3\", \"dtmi:dtdl:extension:quantitativeTypes;1\"]", ID, contents, "");
    }

    static String iotc(String contents) {
        return iface("[\"dtmi:dtdl:context;2\", \"dtmi:iotcentral:context;2\"]", ID, contents, "");
    }

    /** An interface with extra top-level members ({@code extra} is JSON members text, starting with a comma). */
    static String iface(String context, String id, String contents, String extra) {
        return "{\"@context\": " + context + ", \"@id\": \"" + id + "\", \"@type\": \"Interface\", \"contents\": ["
                + contents + "]" + extra + "}";
    }

    static String telemetry(String name, String schema) {
        return "{\"@type\": \"Telemetry\", \"name\": \"" + name + "\", \"schema\": " + schema + "}";
    }

    static String property(String name, String schema) {
        return "{\"@type\": \"Property\", \"name\": \"" + name + "\", \"schema\": " + schema + "}";
    }

    static String telemetries(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> telemetry(prefix + i, "\"double\"")).collect(Collectors.joining(","));
    }

    static String fields(int count) {
        return IntStream.range(0, count).mapToObj(i -> "{\"name\": \"f" + i + "\", \"schema\": \"double\"}")
                .collect(Collectors.joining(","));
    }

    static String enumValues(int count) {
        return IntStream.range(0, count).mapToObj(i -> "{\"name\": \"v" + i + "\", \"enumValue\": " + i + "}")
                .collect(Collectors.joining(","));
    }

    static String nestedArrays(int depth) {
        String schema = "\"double\"";
        for (int i = 0; i < depth; i++) {
            schema = "{\"@type\": \"Array\", \"elementSchema\": " + schema + "}";
        }
        return schema;
    }
}
