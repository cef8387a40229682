package org.opencentral.core.secret;

/**
 * A stored secret does not open: it was altered, moved to another row, or sealed with another key.
 * Never carries the secret itself.
 */
public final class SecretCipherException extends IllegalStateException {
    public SecretCipherException(String message) {
        super(message);
    }

    public SecretCipherException(String message, Throwable cause) {
        super(message, cause);
    }
}
