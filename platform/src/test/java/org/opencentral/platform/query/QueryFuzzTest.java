package org.opencentral.platform.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Property: for any input the parser and analyzer return a query or throw a {@link QueryException}
 * with a position inside the input — nothing else, and quickly. Seeded, so a failure reproduces;
 * the failing input is in the assertion message.
 */
class QueryFuzzTest {
    private static final long SEED = 0x0C_E27A1L;
    private static final int CASES = 20_000;
    private static final Duration BUDGET = Duration.ofSeconds(60);
    private final QueryAnalyzer analyzer = new QueryAnalyzer(QueryLimits.DEFAULTS, InMemoryCapabilityCatalog.fixture());
    private final Random random = new Random(SEED);
    private final QueryGenerator generator = new QueryGenerator(random);

    @Test
    void randomStringsOnlyEverFailWithQueryException() {
        assertTimeoutPreemptively(BUDGET, () -> {
            for (int i = 0; i < CASES; i++) {
                check(analyzer, generator.randomString(1 + random.nextInt(120)));
            }
        });
    }

    @Test
    void randomTokenSequencesOnlyEverFailWithQueryException() {
        assertTimeoutPreemptively(BUDGET, () -> {
            for (int i = 0; i < CASES; i++) {
                check(analyzer, generator.randomTokens(1 + random.nextInt(30)));
            }
        });
    }

    @Test
    void mutatedValidQueriesOnlyEverFailWithQueryException() throws IOException {
        List<String> valid = validGoldenQueries();
        assertTimeoutPreemptively(BUDGET, () -> {
            for (int i = 0; i < CASES; i++) {
                String query = valid.get(random.nextInt(valid.size()));
                check(analyzer, generator.mutate(query, 1 + random.nextInt(3)));
            }
        });
    }

    @Test
    void grammaticalQueriesAlwaysParseAndOnlyFailAnalysisWithQueryException() {
        QueryParser parser = new QueryParser(QueryLimits.DEFAULTS);
        assertTimeoutPreemptively(BUDGET, () -> {
            for (int i = 0; i < CASES; i++) {
                String query = generator.grammatical();
                try {
                    parser.parse(query);
                } catch (QueryException e) {
                    fail("grammatical query did not parse: " + query + "\n" + e.getMessage());
                }
                check(analyzer, query);
            }
        });
    }

    @Test
    void pathologicalInputsFailFastWithoutOverflowingTheStack() {
        QueryLimits huge = new QueryLimits(2_000_000, 15, 10, 100, 100_000, 10_000, QueryLimits.NESTING_DEPTH_CEILING);
        QueryAnalyzer lenient = new QueryAnalyzer(huge, InMemoryCapabilityCatalog.fixture());
        String prefix = "SELECT temperature FROM " + InMemoryCapabilityCatalog.DEVKIT + " WHERE ";
        assertTimeoutPreemptively(BUDGET, () -> Stream.of(
                prefix + "(".repeat(200_000) + "temperature > 1",
                prefix + "NOT ".repeat(200_000) + "temperature > 1",
                prefix + "temperature > 1 AND ".repeat(50_000) + "temperature > 1",
                prefix + "temperature > 1 OR ".repeat(50_000) + "temperature > 1",
                prefix + "temperature IN [" + "1, ".repeat(100_000) + "1]",
                "SELECT " + "temperature, ".repeat(100_000) + "humidity FROM " + InMemoryCapabilityCatalog.DEVKIT,
                "'".repeat(500_000),
                "\\".repeat(500_000),
                "SELECT $id FROM dtmi:" + "a:".repeat(300_000) + "b"
        ).forEach(query -> {
            assertThat(check(lenient, query)).isNotNull();
        }));
    }

    @Test
    void tightLimitsAreEnforcedWithoutOtherFailures() {
        QueryLimits tight = new QueryLimits(60, 2, 1, 2, 5, 3, 2);
        QueryAnalyzer strict = new QueryAnalyzer(tight, InMemoryCapabilityCatalog.fixture());
        assertTimeoutPreemptively(BUDGET, () -> {
            for (int i = 0; i < CASES / 4; i++) {
                check(strict, generator.grammatical());
            }
        });
    }

    /** Returns the query or the exception; fails the test on anything else. */
    private static Object check(QueryAnalyzer analyzer, String input) {
        try {
            return analyzer.analyze(input);
        } catch (QueryException e) {
            assertThat(e.getMessage()).startsWith("at " + e.position() + ": ");
            assertThat(e.position().offset()).as("error offset for %s", input).isBetween(0, input.length());
            return e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("input " + quote(input) + " threw " + e, e);
        }
    }

    private static String quote(String input) {
        return input.length() > 300 ? "\"" + input.substring(0, 300) + "…\" (" + input.length() + " chars)" : "\"" + input + "\"";
    }

    private static List<String> validGoldenQueries() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/query/valid"))) {
            return files.filter(f -> f.toString().endsWith(".sql")).sorted().map(f -> {
                try {
                    return Files.readString(f).strip();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
