package org.opencentral.platform.rules.action;

import java.util.Objects;

/** What one try of an action came to: sent, worth trying again, or failed for good. */
public sealed interface Delivery {
    record Sent() implements Delivery {
    }

    record Retry(String error) implements Delivery {
        public Retry {
            Objects.requireNonNull(error, "error");
        }
    }

    record Failed(String error) implements Delivery {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }
}
