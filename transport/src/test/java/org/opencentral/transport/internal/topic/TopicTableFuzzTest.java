package org.opencentral.transport.internal.topic;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.device.DeviceId;

/**
 * Coverage-guided fuzzing (Jazzer) of the topic table and the property bag codec with any topic
 * name or filter a device can send. Documented behaviour: an unknown or malformed topic is a
 * {@link DeviceMessage.Forbidden} (or no subscription), a malformed bag a {@link Decoded.Failed};
 * nothing throws. A bag that decodes encodes back to the same bag. Seeds:
 * {@code TopicTableFuzzTestInputs/topic/}.
 */
class TopicTableFuzzTest {
    private static final DeviceId DEVICE = DeviceId.of("dev-1");

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void topic(byte[] input) {
        String topic = new String(input, StandardCharsets.UTF_8);
        assertThat(TopicTable.route(DEVICE, topic)).isNotNull();
        assertThat(TopicTable.routeProvisioning(DEVICE, topic)).isNotNull();
        assertThat(TopicTable.subscription(DEVICE, topic)).isNotNull();
        TopicTable.provisioningFilter(topic);
        if (PropertyBagCodec.decode(topic) instanceof Decoded.Ok<PropertyBag> bag) {
            assertThat(PropertyBagCodec.decode(PropertyBagCodec.encode(bag.value())))
                    .as("a decoded bag encodes back to itself").isEqualTo(bag);
        }
    }
}
