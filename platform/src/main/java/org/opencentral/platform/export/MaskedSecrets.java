package org.opencentral.platform.export;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.export.Destination;
import org.opencentral.core.export.DestinationJson;
import org.opencentral.core.export.SecretSlots;

/**
 * Secrets as the REST API shows them: every secret is answered as {@value #MASK}, and a request that
 * sends the mask back (a GET, edited and PUT again) keeps the secret already stored in that slot.
 */
public final class MaskedSecrets implements SecretSlots {
    public static final String MASK = "********";

    private final Map<String, String> stored;

    private MaskedSecrets(Map<String, String> stored) {
        this.stored = Map.copyOf(stored);
    }

    /** Secrets for answers: nothing is stored, so a masked request value is refused. */
    public static MaskedSecrets answering() {
        return new MaskedSecrets(Map.of());
    }

    /** Secrets for a request that changes {@code existing}, whose stored secrets a mask keeps. */
    public static MaskedSecrets replacing(Optional<Destination> existing) {
        Map<String, String> stored = new HashMap<>();
        existing.ifPresent(d -> DestinationJson.write(d, new SecretSlots() {
            @Override
            public String write(String destinationId, String slot, String plaintext) {
                stored.put(slot, plaintext);
                return plaintext;
            }

            @Override
            public String read(String destinationId, String slot, String written) {
                return written;
            }
        }));
        return new MaskedSecrets(stored);
    }

    @Override
    public String write(String destinationId, String slot, String plaintext) {
        return MASK;
    }

    @Override
    public String read(String destinationId, String slot, String written) {
        if (!MASK.equals(written)) {
            return written;
        }
        String kept = stored.get(slot);
        if (kept == null) {
            throw DomainException.badRequest("the secret '" + slot + "' of destination '" + destinationId
                    + "' is the mask " + MASK + " but none is stored; send its value");
        }
        return kept;
    }
}
