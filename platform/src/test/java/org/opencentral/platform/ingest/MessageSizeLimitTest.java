package org.opencentral.platform.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessageSizeLimitTest {
    @Test
    void aBodyOfTheLimitIsAdmittedAndOneByteMoreIsNot() {
        MessageSizeLimit limit = new MessageSizeLimit(512 * 1024);

        assertThat(limit.admits(512 * 1024)).isTrue();
        assertThat(limit.admits(512 * 1024 + 1)).isFalse();
        assertThat(limit.maxPacketBytes()).isEqualTo(512 * 1024 + MessageSizeLimit.PACKET_OVERHEAD);
    }

    @Test
    void theDefaultIsIotHubsAndTheLimitStaysWithinWhatAnMqttPacketCarries() {
        assertThat(MessageSizeLimit.DEFAULT.maxBytes()).isEqualTo(256 * 1024);
        assertThat(new MessageSizeLimit(MessageSizeLimit.MAX_BYTES).maxPacketBytes()).isEqualTo(268_435_455);
        assertThatThrownBy(() -> new MessageSizeLimit(MessageSizeLimit.MAX_BYTES + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MessageSizeLimit(MessageSizeLimit.MIN_BYTES - 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1024..");
    }
}
