package org.opencentral.transport.internal.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.transport.internal.metrics.MqttMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A failed twin request as IoT Hub answers it over MQTT and AMQP: the HTTP-like status and the JSON
 * body {@code {"errorCode":…,"message":…}} (the Node SDK needs it to see a failure). An unexpected
 * exception is logged and answered as an internal error.
 */
public record TwinFailure(int status, byte[] body) {
    private static final Logger LOG = LoggerFactory.getLogger(TwinFailure.class);

    public static TwinFailure of(RuntimeException e, DeviceId device, MqttMetrics metrics) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        DomainException domain = cause instanceof DomainException d ? d
                : new DomainException(ErrorCode.INTERNAL, "internal error");
        if (!(cause instanceof DomainException)) {
            LOG.warn("twin request of {} failed", device, cause);
        }
        metrics.error("twin_" + domain.code().code());
        ObjectNode body = Json.object().put("errorCode", domain.code().iotHubCode()).put("message", domain.getMessage());
        return new TwinFailure(domain.code().httpStatus(), Json.write(body).getBytes(StandardCharsets.UTF_8));
    }
}
