package org.opencentral.platform.export.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Sends one exported message to a destination that takes a message per request (a webhook);
 * returns only once the destination accepted it. {@link Lanes} makes a {@link BatchSender} of it.
 */
@FunctionalInterface
public interface Sender {
    void send(ObjectNode message) throws DeliveryFailure;
}
