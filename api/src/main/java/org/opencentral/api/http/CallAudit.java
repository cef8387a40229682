package org.opencentral.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.opencentral.platform.audit.AuditLog;

/**
 * The audit entry of one changing call. By default it is written after the handler, when the call
 * succeeded ({@link #afterHandler}). A handler that waits on something slow after validating (a
 * command: the device's answer) writes it {@link #ahead} instead: on its own virtual thread, beside
 * the handler's wait, whatever the call answers afterwards; the answer leaves only once that entry
 * is stored ({@link #awaitAhead}).
 */
final class CallAudit {
    private final AuditLog log;
    private final String actor;
    private final String action;
    private final String target;
    private Optional<CompletableFuture<Void>> ahead = Optional.empty();

    CallAudit(AuditLog log, String actor, String action, String target) {
        this.log = log;
        this.actor = actor;
        this.action = action;
        this.target = target;
    }

    /** Starts writing the entry now; at most once per call. */
    void ahead(JsonNode before, JsonNode after) {
        if (ahead.isPresent()) {
            throw new IllegalStateException("the audit entry of " + action + " is already being written");
        }
        CompletableFuture<Void> written = new CompletableFuture<>();
        Thread.ofVirtual().name("audit-ahead").start(() -> {
            try {
                log.record(actor, action, target, before, after);
                written.complete(null);
            } catch (RuntimeException | Error e) {
                written.completeExceptionally(e);
            }
        });
        ahead = Optional.of(written);
    }

    /** Waits for an entry started {@link #ahead}, rethrowing what failed its write; returns at once without one. */
    void awaitAhead() {
        if (ahead.isEmpty()) {
            return;
        }
        try {
            ahead.get().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** After a handler that returned: writes the entry for a success ({@code status} below 400) unless written ahead. */
    void afterHandler(int status, JsonNode before, JsonNode after) {
        if (ahead.isPresent()) {
            awaitAhead();
        } else if (status < 400) {
            log.record(actor, action, target, before, after);
        }
    }
}
