package org.opencentral.core.export;

/**
 * What happens to a destination's secrets when it is written to or read from JSON: the store seals
 * and opens them, the REST API answers a mask and reads requests as they are. {@code slot} names the
 * secret within its destination ({@code authorization}, {@code header/X-Key}, {@code query/code}).
 */
public interface SecretSlots {
    /** The JSON form of a secret. */
    String write(String destinationId, String slot, String plaintext);

    /** The plaintext of a secret's JSON form. */
    String read(String destinationId, String slot, String written);

    /** Secrets as they are (requests, tests). */
    SecretSlots PLAIN = new SecretSlots() {
        @Override
        public String write(String destinationId, String slot, String plaintext) {
            return plaintext;
        }

        @Override
        public String read(String destinationId, String slot, String written) {
            return written;
        }
    };
}
