package org.opencentral.transport.internal.amqp;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.amqp.messaging.ApplicationProperties;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.apache.qpid.proton.amqp.messaging.MessageAnnotations;
import org.apache.qpid.proton.amqp.messaging.Properties;
import org.apache.qpid.proton.amqp.messaging.Section;
import org.apache.qpid.proton.message.Message;
import org.opencentral.core.store.C2dMessage;
import org.opencentral.platform.ingest.TelemetryMessage;

/**
 * IoT Hub's AMQP message format. Device to cloud: application properties are the message's
 * application properties; {@code message-id}, {@code correlation-id}, {@code user-id},
 * {@code content-type} and {@code content-encoding} are system properties; the message annotations
 * {@code dt-subject} (component), {@code iothub-interface-id} and {@code iothub-creation-time-utc}
 * carry what the MQTT property bag carries. Cloud to device: the body as a data section, the
 * properties as application properties, the message id, {@code to} and the expiry.
 */
final class AmqpMessages {
    static final String COMPONENT = "dt-subject";
    static final String INTERFACE_ID = "iothub-interface-id";
    static final String CREATION_TIME = "iothub-creation-time-utc";

    private AmqpMessages() {
    }

    /** The body bytes of a message: a data section, or a string/binary value. */
    static byte[] body(Message message) {
        Section body = message.getBody();
        return switch (body) {
            case Data data -> copy(data.getValue());
            case AmqpValue value when value.getValue() instanceof Binary binary -> copy(binary);
            case AmqpValue value when value.getValue() instanceof String text ->
                    text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            case null, default -> new byte[0];
        };
    }

    private static byte[] copy(Binary binary) {
        byte[] bytes = new byte[binary.getLength()];
        System.arraycopy(binary.getArray(), binary.getArrayOffset(), bytes, 0, bytes.length);
        return bytes;
    }

    static TelemetryMessage telemetry(Message message, byte[] body) {
        Map<String, String> application = new HashMap<>();
        if (message.getApplicationProperties() != null && message.getApplicationProperties().getValue() != null) {
            message.getApplicationProperties().getValue().forEach((name, value) -> {
                if (name != null && value != null) {
                    application.put(name, value.toString());
                }
            });
        }
        Map<String, String> system = new HashMap<>();
        put(system, "messageId", message.getMessageId());
        put(system, "correlationId", message.getCorrelationId());
        put(system, "contentType", message.getContentType());
        put(system, "contentEncoding", message.getContentEncoding());
        if (message.getUserId() != null) {
            system.put("userId", new String(message.getUserId(), java.nio.charset.StandardCharsets.UTF_8));
        }
        Map<Symbol, Object> annotations = message.getMessageAnnotations() == null ? Map.of()
                : message.getMessageAnnotations().getValue();
        put(system, "interfaceId", annotations.get(Symbol.valueOf(INTERFACE_ID)));
        Optional.ofNullable(annotations.get(Symbol.valueOf(CREATION_TIME)))
                .ifPresent(time -> application.put(CREATION_TIME, time.toString()));
        Optional<String> component = Optional.ofNullable(annotations.get(Symbol.valueOf(COMPONENT)))
                .map(Object::toString).filter(name -> !name.isEmpty());
        return new TelemetryMessage(component, application, system, body);
    }

    private static void put(Map<String, String> system, String name, Object value) {
        if (value != null) {
            system.put(name, value.toString());
        }
    }

    /** A queued cloud-to-device message as IoT Hub sends it on the device-bound link. */
    static Message cloudToDevice(C2dMessage queued) {
        Message message = Message.Factory.create();
        Properties properties = new Properties();
        properties.setMessageId(queued.messageId());
        properties.setTo("/devices/" + queued.deviceId().value() + "/messages/devicebound");
        properties.setAbsoluteExpiryTime(Date.from(queued.expiresAt()));
        properties.setCreationTime(Date.from(queued.enqueuedAt()));
        message.setProperties(properties);
        message.setApplicationProperties(new ApplicationProperties(new HashMap<>(queued.properties())));
        message.setMessageAnnotations(new MessageAnnotations(Map.of(Symbol.valueOf("iothub-enqueuedtime"),
                Date.from(queued.enqueuedAt()))));
        message.setBody(new Data(new Binary(queued.body())));
        return message;
    }

    /** Encodes a message into a buffer that grows until it fits. */
    static byte[] encode(Message message) {
        byte[] buffer = new byte[4096];
        while (true) {
            try {
                int length = message.encode(buffer, 0, buffer.length);
                return java.util.Arrays.copyOf(buffer, length);
            } catch (java.nio.BufferOverflowException e) {
                buffer = new byte[buffer.length * 2];
            }
        }
    }
}
