package org.opencentral.transport.internal.https;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.Locale;
import org.opencentral.core.device.DeviceId;
import org.opencentral.platform.c2d.CloudToDeviceService;
import org.opencentral.transport.internal.metrics.MessageKind;
import org.opencentral.transport.internal.metrics.MqttMetrics;

/**
 * Cloud-to-device messages for a polling device: {@code GET …/deviceBound} answers the next message
 * (200, its lock token as ETag, properties as headers) or 204; complete, reject and abandon answer
 * 204, or 412 when the ETag holds no lock (unknown, used or expired). Blocking.
 */
final class CloudToDeviceRequests {
    static final String LOCK_TIMEOUT_HEADER = "iothub-messagelocktimeout";
    static final Duration DEFAULT_LOCK = Duration.ofSeconds(60);
    static final Duration MIN_LOCK = Duration.ofSeconds(5);
    static final Duration MAX_LOCK = Duration.ofSeconds(300);

    private final CloudToDeviceService service;
    private final MqttMetrics metrics;

    CloudToDeviceRequests(CloudToDeviceService service, MqttMetrics metrics) {
        this.service = service;
        this.metrics = metrics;
    }

    /** The lock a receive asks for ({@value #LOCK_TIMEOUT_HEADER} seconds), within 5 s to 5 min; 60 s if none. */
    Duration lockTimeout(HttpHeaders headers) {
        try {
            String seconds = headers.get(LOCK_TIMEOUT_HEADER);
            if (seconds == null) {
                return DEFAULT_LOCK;
            }
            Duration asked = Duration.ofSeconds(Long.parseLong(seconds.strip()));
            return asked.compareTo(MIN_LOCK) < 0 ? MIN_LOCK : asked.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : asked;
        } catch (NumberFormatException e) {
            return DEFAULT_LOCK;
        }
    }

    FullHttpResponse receive(DeviceId id, Duration lock) {
        return service.receive(id, lock).map(locked -> {
            metrics.sent(MessageKind.C2D);
            FullHttpResponse response = HttpReplies.of(HttpResponseStatus.OK, "application/octet-stream",
                    locked.message().body());
            HttpMessages.cloudToDevice(locked.message(), locked.lockToken(), response.headers());
            return response;
        }).orElseGet(() -> HttpReplies.of(HttpResponseStatus.NO_CONTENT, "", new byte[0]));
    }

    FullHttpResponse settle(DeviceId id, DeviceHttpRoute.Settle settle) {
        boolean held = service.settle(id, settle.etag(), settle.settlement());
        metrics.cloudToDeviceSettled(settle.settlement().name().toLowerCase(Locale.ROOT), held);
        if (!held) {
            return HttpReplies.error(HttpResponseStatus.PRECONDITION_FAILED, "PreconditionFailed",
                    "the ETag '" + settle.etag() + "' holds no lock: unknown, already settled or expired");
        }
        return HttpReplies.of(HttpResponseStatus.NO_CONTENT, "", new byte[0]);
    }
}
