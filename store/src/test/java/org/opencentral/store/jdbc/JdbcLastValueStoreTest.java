package org.opencentral.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opencentral.core.Json;

/** The stored text of a last value: the same text Jackson writes, taken without a generator where it can be. */
class JdbcLastValueStoreTest {
    @Test
    void aValueIsStoredAsTheTextJacksonWritesForIt() {
        List<JsonNode> values = Stream.concat(
                Stream.of("21.5", "-0.0", "0.1", "1e-7", "1.0E300", "4.9E-324", "123456789012", "7", "-3", "true",
                        "false", "null", "\"x\\\"y\"", "{\"a\":1}", "[1,2.5]", "12345678901234567890123", "1.5e400")
                        .map(Json::parse),
                Stream.of(DoubleNode.valueOf(Double.NaN), DoubleNode.valueOf(Double.POSITIVE_INFINITY),
                        DoubleNode.valueOf(Double.MAX_VALUE), LongNode.valueOf(Long.MIN_VALUE)))
                .toList();

        for (JsonNode value : values) {
            assertThat(JdbcLastValueStore.text(value)).as("%s (%s)", value, value.getNodeType())
                    .isEqualTo(value.toString());
        }
    }
}
