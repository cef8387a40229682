package org.opencentral.sim.scenario;

import io.netty.handler.codec.mqtt.MqttQoS;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * An ingest run.
 *
 * @param qos              0 or 1
 * @param messageBytes     size of each JSON body
 * @param fields           numeric fields in each body
 * @param window           messages in flight per connection (QoS 1: unacknowledged; QoS 0: written per turn)
 * @param ratePerSecond    total target rate over all connections; 0 sends as fast as acknowledged
 * @param ratePerDevice    open loop: messages/s each device sends on its own fixed schedule, latency timed from the
 *                         scheduled send; 0 = not open loop (excludes {@code ratePerSecond})
 * @param messagesPerDevice stop each device after this many messages; 0 = until the duration ends
 * @param warmup           time before measuring
 * @param duration         measured time
 * @param sequenceFile     numbers every device's messages ({@code "seq"} first in the body, from 1) and writes,
 *                         after the run, one line per device with the numbers acknowledged ({@link Sequence#line()})
 */
public record IngestSettings(int qos, int messageBytes, int fields, int window, double ratePerSecond,
                             double ratePerDevice, int messagesPerDevice, Duration warmup, Duration duration,
                             Optional<Path> sequenceFile) {
    public IngestSettings(int qos, int messageBytes, int fields, int window, double ratePerSecond,
                          double ratePerDevice, int messagesPerDevice, Duration warmup, Duration duration) {
        this(qos, messageBytes, fields, window, ratePerSecond, ratePerDevice, messagesPerDevice, warmup, duration,
                Optional.empty());
    }

    public IngestSettings {
        if (qos != 0 && qos != 1) {
            throw new IllegalArgumentException("qos must be 0 or 1");
        }
        if (window < 1 || window > 16_384) {
            throw new IllegalArgumentException("window must be within 1…16384");
        }
        if (messagesPerDevice < 0) {
            throw new IllegalArgumentException("messagesPerDevice must not be negative");
        }
        if (ratePerSecond < 0) {
            throw new IllegalArgumentException("rate must not be negative");
        }
        if (ratePerDevice < 0 || ratePerDevice > 10_000) {
            throw new IllegalArgumentException("rate per device must be within 0…10000 msg/s");
        }
        if (ratePerDevice > 0 && ratePerSecond > 0) {
            throw new IllegalArgumentException("give a total rate or a rate per device, not both");
        }
        if (sequenceFile.isPresent() && qos != 1) {
            throw new IllegalArgumentException("numbered messages record their acknowledgements: qos 1 only");
        }
    }

    public MqttQoS mqttQos() {
        return MqttQoS.valueOf(qos);
    }
}
