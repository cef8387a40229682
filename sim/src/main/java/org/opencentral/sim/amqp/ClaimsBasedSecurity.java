package org.opencentral.sim.amqp;

import java.util.Map;
import java.util.Optional;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.amqp.messaging.ApplicationProperties;
import org.apache.qpid.proton.amqp.messaging.Properties;
import org.apache.qpid.proton.message.Message;

/** The {@code $cbs} exchange of IoT Hub's SDKs: a put-token request and the status of its reply. */
final class ClaimsBasedSecurity {
    static final String NODE = "$cbs";
    private static final String REPLY_TO = "cbs";

    private ClaimsBasedSecurity() {
    }

    /** A put-token request of {@code login}'s SAS token, its message id {@code messageId}. */
    static Message putToken(AmqpLogin login, String messageId) {
        Message request = Message.Factory.create();
        Properties properties = new Properties();
        properties.setMessageId(messageId);
        properties.setReplyTo(REPLY_TO);
        request.setProperties(properties);
        request.setApplicationProperties(new ApplicationProperties(Map.of("operation", "put-token",
                "type", "servicebus.windows.net:sastoken", "name", login.audience())));
        request.setBody(new AmqpValue(login.sasToken()));
        return request;
    }

    /** The reply's {@code status-code}, if it has one. */
    static Optional<Integer> status(Message reply) {
        if (reply.getApplicationProperties() == null
                || !(reply.getApplicationProperties().getValue().get("status-code") instanceof Number status)) {
            return Optional.empty();
        }
        return Optional.of(status.intValue());
    }
}
