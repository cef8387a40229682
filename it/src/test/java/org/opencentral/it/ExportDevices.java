package org.opencentral.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.opencentral.testkit.TestDevice;
import org.opencentral.testkit.TestPlatform;

/** What the export tests do with devices: connect some over MQTT/TLS, send rounds of numbered telemetry. */
final class ExportDevices {
    private ExportDevices() {
    }

    /** {@code count} devices {@code {prefix}-1…}, created on the platform and connected. */
    static List<TestDevice> connect(TestPlatform platform, String prefix, int count) {
        List<TestDevice> devices = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String id = prefix + "-" + i;
            TestDevice device = TestDevice.overTls(platform, id, platform.createDevice(id));
            device.connect();
            devices.add(device);
        }
        return devices;
    }

    /** Rounds {@code from} to {@code to} (exclusive): each device sends {@code {"n": round}}, acknowledged. */
    static void send(List<TestDevice> devices, int from, int to) {
        for (int n = from; n < to; n++) {
            int round = n;
            devices.stream().map(d -> d.sendTelemetry("{\"n\": " + round + "}")).toList()
                    .forEach(CompletableFuture::join);
        }
    }

    static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }
}
