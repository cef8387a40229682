package org.opencentral.platform.export.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.platform.export.transform.ExportTransform.Result;

/** What a transform refuses when compiled and how a run fails: always an outcome, never a thrown error. */
class ExportTransformTest {
    private static final com.fasterxml.jackson.databind.node.ObjectNode INPUT = Json.parseObject(
            "{\"deviceId\":\"d-1\",\"telemetry\":[{\"name\":\"t\",\"value\":21}]}");

    private static String failure(String transform) {
        Result result = ExportTransform.compile(transform, Duration.ofMillis(200)).apply(INPUT);
        assertThat(result).isInstanceOf(Result.Failed.class);
        return ((Result.Failed) result).reason();
    }

    @Test
    void aSyntaxErrorIsAnInvalidTransformNamingLineAndColumn() {
        assertThatThrownBy(() -> ExportTransform.compile("{\n  a: .telemetry[\n}"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TRANSFORM);
                    assertThat(e.getMessage()).contains("line 3").contains("column 1");
                });
        assertThatThrownBy(() -> ExportTransform.compile(" ")).hasMessageContaining("empty");
    }

    @Test
    void onlyTheIotcModuleCanBeImported() {
        assertThatThrownBy(() -> ExportTransform.compile("import \"other\" as o; ."))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TRANSFORM))
                .hasMessageContaining("imports \"other\"; only \"iotc\" can be imported");
        assertThatThrownBy(() -> ExportTransform.compile("include \"lib\"; .")).hasMessageContaining("includes \"lib\"");
        Result found = ExportTransform.compile("import \"iotc\" as iotc; .telemetry | iotc::find(.name == \"t\")")
                .apply(INPUT);
        assertThat(found).isEqualTo(new Result.Outputs(java.util.List.of(Json.parseObject(
                "{\"name\":\"t\",\"value\":21}"))));
    }

    @Test
    void aRuntimeErrorIsAFailureNotAnException() {
        assertThat(failure("{a: (.deviceId + 1)}")).contains("cannot be added");
        assertThat(failure("error(\"no\")")).contains("no");
    }

    @Test
    void outputsMustBeObjects() {
        assertThat(failure(".telemetry[].value")).contains("output 1 is number, not an object");
        assertThat(failure(".missing")).contains("output 1 is null");
    }

    @Test
    void aRunawayTransformIsGivenUpOn() {
        assertThat(failure("[range(2000)] | .[] | {n: .}")).contains("more than 1000 outputs");
        assertThat(failure("def f: f; f")).isNotEmpty();
        assertThat(failure("reduce range(20000000) as $i (0; . + $i) | {sum: .}")).contains("longer than 200 ms");
    }

    @Test
    void noOutputSendsNothing() {
        assertThat(ExportTransform.compile("select(.deviceId == \"other\")").apply(INPUT))
                .isEqualTo(new Result.Outputs(java.util.List.of()));
    }
}
