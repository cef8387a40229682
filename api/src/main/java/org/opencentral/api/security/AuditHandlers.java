package org.opencentral.api.security;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.opencentral.api.http.ApiCall;
import org.opencentral.api.http.ApiError;
import org.opencentral.core.security.AuditEntry;
import org.opencentral.core.store.Page;
import org.opencentral.platform.audit.AuditLog;

/** {@code GET /api/auditLogs} (OpenCentral extension): entries newest first, paged by {@code maxpagesize} and nextLink. */
public final class AuditHandlers {
    private static final int DEFAULT_PAGE = 100;
    private final AuditLog audit;

    public AuditHandlers(AuditLog audit) {
        this.audit = audit;
    }

    public void list(ApiCall call) {
        int size = call.query("maxpagesize").map(AuditHandlers::number).orElse(DEFAULT_PAGE);
        Optional<Long> before = call.query("$skiptoken").map(t -> (long) number(t));
        Page<AuditEntry> page = audit.list(before, size);
        ObjectNode body = SecurityJson.collection(page.items().stream().map(AuditLog::toJson).toList());
        page.next().ifPresent(next -> body.put("nextLink", call.url() + "?api-version="
                + call.query("api-version").orElseThrow() + "&maxpagesize=" + size + "&$skiptoken=" + next));
        call.json(200, body);
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("'" + text + "' is not a number");
        }
    }
}
