package org.opencentral.platform.export.delivery;

/** A destination did not accept a message; the message says why (never a secret). */
public final class DeliveryFailure extends Exception {
    public DeliveryFailure(String message) {
        super(message);
    }
}
