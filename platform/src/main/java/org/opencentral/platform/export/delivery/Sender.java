package org.opencentral.platform.export.delivery;

import java.util.List;

/**
 * Sends exported messages to a destination that takes them by request (a webhook): one request
 * carries {@code messages} (each one message's JSON in UTF-8, at most {@link #perRequest()} of them) and returns only once the
 * destination accepted them all; a refusal refuses them all. {@link Lanes} makes a
 * {@link BatchSender} of it.
 */
public interface Sender {
    void send(List<byte[]> messages) throws DeliveryFailure;

    /** How many messages one request carries at most. */
    int perRequest();
}
