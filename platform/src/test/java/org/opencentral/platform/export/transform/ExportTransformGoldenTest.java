package org.opencentral.platform.export.transform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencentral.core.Json;

/**
 * jq transforms on IoT Central transform inputs against golden outputs: each line of
 * {@code src/test/resources/export/transforms/cases.txt} names an input ({@code {input}.input.json})
 * and a transform ({@code {transform}.jq}); the outputs are in {@code {input}.{transform}.expected.json}
 * (a list: one entry per message sent). Run with {@code -Dgolden.update=true} to rewrite them, then
 * review the diff.
 */
class ExportTransformGoldenTest {
    private static final Path DIR = Path.of("src/test/resources/export/transforms");

    static Stream<String> cases() throws IOException {
        return Files.readAllLines(DIR.resolve("cases.txt")).stream().filter(l -> !l.isBlank() && !l.startsWith("#"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theTransformsOutputsMatchTheGoldenFile(String line) throws IOException {
        String[] parts = line.split(" ");
        var input = Json.parseObject(Files.readString(DIR.resolve(parts[0] + ".input.json")));
        var transform = ExportTransform.compile(Files.readString(DIR.resolve(parts[1] + ".jq")));
        var result = transform.apply(input);
        assertThat(result).isInstanceOf(ExportTransform.Result.Outputs.class);
        ArrayNode outputs = Json.MAPPER.createArrayNode();
        ((ExportTransform.Result.Outputs) result).messages().forEach(outputs::add);
        String text = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(outputs) + "\n";
        Path golden = DIR.resolve(parts[0] + "." + parts[1] + ".expected.json");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, text);
        }
        assertThat(text).isEqualTo(Files.readString(golden));
    }
}
