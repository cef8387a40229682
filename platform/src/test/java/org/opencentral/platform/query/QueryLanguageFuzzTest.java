package org.opencentral.platform.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.group.MemberFilter;
import org.opencentral.platform.export.DeviceFacts;
import org.opencentral.platform.export.ExportMatcher;
import org.opencentral.platform.group.GroupFilters;
import org.opencentral.platform.query.plan.DeviceSet;
import org.opencentral.platform.query.plan.TelemetryPlanner;

/**
 * Coverage-guided fuzzing (Jazzer) of the query language's three dialects through their public
 * entry points: queries (parsed, analyzed against the test templates and, for telemetry, planned),
 * device group filters, and data export filters (compiled and evaluated on a telemetry and a
 * property message). The documented refusal of each is a 400: {@link QueryException} with a position
 * inside the input for queries and group filters, a {@code BAD_REQUEST} {@link DomainException} for
 * export filters. Anything else thrown is a finding. Without {@code JAZZER_FUZZ} the seed corpus in
 * {@code QueryLanguageFuzzTestInputs/<method>/} runs as regression tests; {@code bench/fuzz} fuzzes.
 * (The seeded random {@link QueryFuzzTest} covers the same property without coverage guidance.)
 */
class QueryLanguageFuzzTest {
    private static final CapabilityCatalog CATALOG = InMemoryCapabilityCatalog.fixture();
    private static final QueryAnalyzer ANALYZER = new QueryAnalyzer(QueryLimits.DEFAULTS, CATALOG);
    private static final GroupFilters GROUPS = new GroupFilters(QueryLimits.DEFAULTS, CATALOG);
    private static final TelemetryPlanner PLANNER = new TelemetryPlanner();
    private static final Instant NOW = Instant.parse("2026-12-06T04:00:00Z");
    private static final DeviceSet DEVICES = new DeviceSet() {
        @Override
        public List<String> ids() {
            return List.of("d1", "d2");
        }

        @Override
        public List<String> passing(QueryFilter condition) {
            return List.of("d1");
        }
    };
    private static final DeviceFacts FACTS = new DeviceFacts(Optional.of(Device.builder(DeviceId.of("d1"))
            .displayName("Dev kit").template(InMemoryCapabilityCatalog.DEVKIT).provisioned().createdAt(NOW).build()),
            Optional.of("Dev kit"));
    private static final ObjectNode TELEMETRY = Json.parseObject("{\"deviceId\":\"d1\",\"enqueuedTime\":"
            + "\"2026-12-06T04:00:00Z\",\"telemetry\":{\"temperature\":21.5,\"state\":\"on\",\"sensor\":{\"level\":3}}}");
    private static final ObjectNode PROPERTIES = Json.parseObject("{\"deviceId\":\"d1\",\"properties\":["
            + "{\"name\":\"firmwareVersion\",\"value\":\"1.0\"},{\"component\":\"sensor\",\"name\":\"level\",\"value\":null}]}");

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void query(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Query query;
        try {
            query = ANALYZER.analyze(text);
        } catch (QueryException refused) {
            assertPositioned(refused, text);
            return;
        }
        if (query.kind() == QueryKind.TELEMETRY) {
            assertThat(PLANNER.plan(query, DEVICES, NOW).slots()).hasSameSizeAs(query.columns());
        }
    }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void groupFilter(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            MemberFilter stored = GROUPS.parse(text);
            assertThat(GROUPS.check(text)).as("a filter that passes the check reads back the same").isEqualTo(stored);
        } catch (QueryException refused) {
            assertPositioned(refused, text);
        }
    }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void exportFilter(byte[] input) {
        ExportMatcher matcher;
        try {
            matcher = ExportMatcher.compile(Optional.of(new String(input, StandardCharsets.UTF_8)));
        } catch (DomainException refused) {
            assertThat(refused.code()).isEqualTo(ErrorCode.BAD_REQUEST);
            assertThat(refused.getMessage()).startsWith("invalid export filter: ");
            return;
        }
        for (ObjectNode message : List.of(TELEMETRY, PROPERTIES)) {
            boolean withDevice = matcher.matches(message, FACTS);
            boolean withoutDevice = matcher.matches(message, DeviceFacts.NONE);
            assertThat(matcher.matches(message, FACTS)).as("evaluation is deterministic").isEqualTo(withDevice);
            assertThat(matcher.matches(message, DeviceFacts.NONE)).isEqualTo(withoutDevice);
        }
    }

    private static void assertPositioned(QueryException refused, String text) {
        assertThat(refused.getMessage()).startsWith("at " + refused.position() + ": ");
        assertThat(refused.position().offset()).isBetween(0, text.length());
    }
}
