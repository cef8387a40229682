package org.opencentral.transport.internal.pipeline;

import java.util.Objects;

/** The first reason recorded for closing a connection, with a detail for the log. */
public record Disconnect(CloseReason reason, String detail) {
    public Disconnect {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    /** What the connection listener is told: the platform's own reason, or the reason's label. */
    public String listenerText() {
        return reason == CloseReason.PLATFORM && !detail.isEmpty() ? detail : reason.label();
    }
}
