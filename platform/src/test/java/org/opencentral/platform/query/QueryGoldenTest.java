package org.opencentral.platform.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files under {@code src/test/resources/query}: {@code valid/NAME.sql} with the canonical
 * JSON of its syntax tree and validated query in {@code NAME.json}; {@code invalid/NAME.sql} with
 * its exact error message in {@code NAME.error}. Run with {@code -Dgolden.update=true} to rewrite
 * the expectations, then review the diff.
 */
class QueryGoldenTest {
    private static final Path ROOT = Path.of("src/test/resources/query");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private final QueryParser parser = new QueryParser(QueryLimits.DEFAULTS);
    private final QueryAnalyzer analyzer = new QueryAnalyzer(QueryLimits.DEFAULTS, InMemoryCapabilityCatalog.fixture());

    @TestFactory
    Stream<DynamicTest> validQueriesParseAndAnalyzeToTheirGoldenJson() {
        return cases("valid").stream().map(sql -> DynamicTest.dynamicTest(name(sql), () -> {
            String query = read(sql);
            Query analyzed = analyzer.analyze(query);
            String actual = CanonicalJson.write(CanonicalJson.object(
                    "query", query,
                    "ast", AstJson.ast(parser.parse(query)),
                    "analyzed", QueryJson.query(analyzed)));
            check(sibling(sql, ".json"), actual);
        }));
    }

    @TestFactory
    Stream<DynamicTest> invalidQueriesFailWithTheirGoldenMessage() {
        return cases("invalid").stream().map(sql -> DynamicTest.dynamicTest(name(sql), () -> {
            Throwable thrown = catchThrowable(() -> analyzer.analyze(read(sql)));
            assertThat(thrown).as("query %s", name(sql)).isInstanceOf(QueryException.class);
            check(sibling(sql, ".error"), thrown.getMessage() + "\n");
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenFileHasItsQuery() {
        return Stream.of("valid", "invalid").map(dir -> DynamicTest.dynamicTest(dir, () -> {
            try (Stream<Path> files = Files.list(ROOT.resolve(dir))) {
                List<Path> orphans = files.filter(f -> !f.toString().endsWith(".sql"))
                        .filter(f -> !Files.exists(sibling(f, ".sql"))).toList();
                assertThat(orphans).as("expectations without a query").isEmpty();
            }
            assertThat(cases(dir)).isNotEmpty();
        }));
    }

    private static void check(Path expectedFile, String actual) throws IOException {
        if (UPDATE || !Files.exists(expectedFile)) {
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
            assertThat(UPDATE).as("wrote missing golden file %s; review it and rerun", expectedFile).isTrue();
        }
        assertThat(actual).as("golden file %s", expectedFile).isEqualTo(Files.readString(expectedFile));
    }

    private static List<Path> cases(String dir) {
        try (Stream<Path> files = Files.list(ROOT.resolve(dir))) {
            return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The query text; one trailing newline (editors add it) is not part of the query. */
    private static String read(Path sql) throws IOException {
        String text = Files.readString(sql, StandardCharsets.UTF_8);
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    private static Path sibling(Path file, String extension) {
        String name = file.getFileName().toString();
        return file.resolveSibling(name.substring(0, name.lastIndexOf('.')) + extension);
    }

    private static String name(Path sql) {
        return sql.getParent().getFileName() + "/" + sql.getFileName();
    }
}
