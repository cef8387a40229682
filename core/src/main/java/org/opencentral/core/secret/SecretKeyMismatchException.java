package org.opencentral.core.secret;

/**
 * The store's secrets were sealed with another key than the one given: starting would hand out
 * garbage keys, so the node must not start. Thrown when a store is opened.
 */
public final class SecretKeyMismatchException extends IllegalStateException {
    public SecretKeyMismatchException(String message) {
        super(message);
    }
}
