package org.opencentral.platform.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Random inputs for the fuzz test: characters, token soups, mutations and grammatical queries. */
final class QueryGenerator {
    private static final String ALPHABET = "SELECTFROMWHEREtopasandornotin$_:;.,()[]*=!<>'\"\\-+0123456789 \t\n\rPTDHMSWYZ/éü\u0000\u2028😀";
    private static final List<String> TOKENS = List.of(
            "SELECT", "select", "TOP", "FROM", "WHERE", "GROUP", "BY", "WINDOW", "ORDER", "ASC", "DESC", "AS", "AND",
            "OR", "NOT", "IN", "WITHIN_WINDOW", "TRUE", "false", "NULL", "AVG", "count", "MAX", "FIRST", "*", ",", ".",
            "(", ")", "[", "]", "=", "!=", "<>", "<", ">", "<=", ">=", "$id", "$ts", "$provisioned", "$simulated",
            "$displayName", "$foo", "$", "temperature", "humidity", "firmwareVersion", "room", "deviceInformation",
            "model", "sensor", "level", "t", "max", "window", InMemoryCapabilityCatalog.DEVKIT, InMemoryCapabilityCatalog.THERMOSTAT,
            "dtmi:x:", "urn:a:b", "P1D", "PT10M", "P0D", "P1M", "PT", "'2021-06-13T13:00:00Z/2021-06-13T15:30:00Z'",
            "'2021-06-13T15:30:00Z/2021-06-13T13:00:00Z'", "'a/b'", "'abc'", "\"x\\\"y\"", "'unterminated", "5", "-3.5",
            "1e400", "1e99999999999", "100001", "0", "'\\u00'", "'\\q'", "#", "!", "10abc", "99999999999999999999999");
    private static final Pattern TOKEN = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"|[(),\\[\\]]|[^\\s(),\\[\\]]+");
    private static final String[] TELEMETRY = {"temperature", "humidity", "pressure", "max", "sensor.level"};
    private static final String[] PROPERTIES = {"firmwareVersion", "room", "deviceInformation.model", "state"};
    private static final String[] BUILTINS = {"$id", "$ts", "$provisioned", "$simulated", "$displayName", "$template"};
    private static final String[] AGGREGATES = {"AVG", "SUM", "COUNT", "MIN", "MAX", "FIRST", "LAST"};
    private static final String[] OPERATORS = {"=", "!=", "<>", ">", "<", ">=", "<="};
    private static final String[] LITERALS = {"1", "-2.5", "1e3", "'a'", "\"b\"", "true", "false", "null",
        "'2021-06-13T13:00:00Z'", "'x''y'"};
    private final Random random;

    QueryGenerator(Random random) {
        this.random = random;
    }

    String randomString(int length) {
        StringBuilder sb = new StringBuilder();
        int[] codePoints = ALPHABET.codePoints().toArray();
        for (int i = 0; i < length; i++) {
            sb.appendCodePoint(random.nextInt(20) == 0 ? random.nextInt(0x3000) : codePoints[random.nextInt(codePoints.length)]);
        }
        return sb.toString();
    }

    String randomTokens(int count) {
        List<String> tokens = new ArrayList<>();
        if (random.nextBoolean()) {
            tokens.add("SELECT");
        }
        for (int i = 0; i < count; i++) {
            tokens.add(pick(TOKENS));
        }
        return String.join(random.nextInt(5) == 0 ? "" : " ", tokens);
    }

    /** Deletes, duplicates, swaps or replaces tokens, or truncates or corrupts characters. */
    String mutate(String query, int times) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(query);
        while (m.find()) {
            tokens.add(m.group());
        }
        for (int i = 0; i < times && !tokens.isEmpty(); i++) {
            int at = random.nextInt(tokens.size());
            switch (random.nextInt(4)) {
                case 0 -> tokens.remove(at);
                case 1 -> tokens.add(at, tokens.get(at));
                case 2 -> tokens.set(at, tokens.set(random.nextInt(tokens.size()), tokens.get(at)));
                default -> tokens.set(at, pick(TOKENS));
            }
        }
        String mutated = String.join(" ", tokens);
        return switch (random.nextInt(4)) {
            case 0 -> mutated.substring(0, random.nextInt(mutated.length() + 1));
            case 1 -> corrupt(mutated);
            default -> mutated;
        };
    }

    private String corrupt(String text) {
        if (text.isEmpty()) {
            return text;
        }
        int at = random.nextInt(text.length());
        return text.substring(0, at) + ALPHABET.charAt(random.nextInt(ALPHABET.length())) + text.substring(at + 1);
    }

    /** A query the grammar accepts; it may still break semantic rules (mixed kinds, limits, …). */
    String grammatical() {
        StringBuilder q = new StringBuilder("SELECT ");
        if (random.nextInt(4) == 0) {
            q.append("TOP ").append(random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(200_000)).append(' ');
        }
        List<String> items = new ArrayList<>();
        int count = 1 + random.nextInt(random.nextInt(10) == 0 ? 20 : 5);
        for (int i = 0; i < count; i++) {
            items.add(selectItem(i));
        }
        q.append(String.join(", ", items)).append(" FROM ")
                .append(random.nextInt(10) == 0 ? InMemoryCapabilityCatalog.THERMOSTAT : InMemoryCapabilityCatalog.DEVKIT);
        if (random.nextBoolean()) {
            q.append(" WHERE ").append(condition(0));
        }
        if (random.nextInt(3) == 0) {
            q.append(" GROUP BY WINDOW(").append(pick(Arrays.asList("PT10M", "P1D", "'PT1H'", "PT0S", "P1W"))).append(')');
        }
        if (random.nextInt(3) == 0) {
            q.append(" ORDER BY ").append(operand()).append(random.nextBoolean() ? " DESC" : "");
        }
        return q.toString();
    }

    private String selectItem(int index) {
        String expr = switch (random.nextInt(4)) {
            case 0 -> pick(AGGREGATES) + "(" + pick(random.nextBoolean() ? TELEMETRY : PROPERTIES) + ")";
            case 1 -> pick(BUILTINS);
            default -> operand();
        };
        return random.nextInt(4) == 0 ? expr + " AS a" + (random.nextInt(3) == 0 ? 0 : index) : expr;
    }

    private String operand() {
        return switch (random.nextInt(5)) {
            case 0 -> pick(BUILTINS);
            case 1 -> pick(PROPERTIES);
            case 2 -> "a" + random.nextInt(3);
            default -> pick(TELEMETRY);
        };
    }

    private String condition(int depth) {
        int choice = depth > 3 ? 3 + random.nextInt(3) : random.nextInt(6);
        return switch (choice) {
            case 0 -> condition(depth + 1) + (random.nextBoolean() ? " AND " : " OR ") + condition(depth + 1);
            case 1 -> "NOT " + condition(depth + 1);
            case 2 -> "(" + condition(depth + 1) + ")";
            case 3 -> operand() + " IN [" + pick(LITERALS) + ", " + pick(LITERALS) + "]";
            case 4 -> random.nextBoolean() ? "WITHIN_WINDOW(P1D)" : "WITHIN_WINDOW('2021-06-13T13:00:00Z/2021-06-14T13:00:00Z')";
            default -> operand() + " " + pick(OPERATORS) + " " + pick(LITERALS);
        };
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }
}
