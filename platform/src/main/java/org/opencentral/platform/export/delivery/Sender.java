package org.opencentral.platform.export.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Sends exported messages to one destination; returns only once the destination accepted the message. */
@FunctionalInterface
public interface Sender {
    void send(ObjectNode message) throws DeliveryFailure;
}
