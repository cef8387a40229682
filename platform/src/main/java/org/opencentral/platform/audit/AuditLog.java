package org.opencentral.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opencentral.core.DomainException;
import org.opencentral.core.Json;
import org.opencentral.core.event.PlatformEvent.AuditRecorded;
import org.opencentral.core.security.AuditEntry;
import org.opencentral.core.store.AuditLogStore;
import org.opencentral.core.store.OutboxStore;
import org.opencentral.core.store.Page;

/**
 * Records changes: stores the entry in the state store's audit log together with its
 * {@link AuditRecorded} event in the outbox, one transaction durable when {@link #record} returns (so
 * before the API answers); the outbox forwarder brings the event to the event log soon after without
 * making the caller wait for the log's commit. Members that could carry secrets
 * ({@link #SECRET_MEMBERS}, at any depth) are removed from the before/after summaries.
 */
public final class AuditLog {
    public static final Set<String> SECRET_MEMBERS = Set.of("token", "password", "primaryKey", "secondaryKey",
            "symmetricKey", "connectionString", "clientSecret", "secret", "csrfToken");
    public static final int MAX_PAGE = 1000;

    private final AuditLogStore store;
    private final OutboxStore outbox;
    private final Clock clock;

    public AuditLog(AuditLogStore store, OutboxStore outbox, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
    }

    public AuditEntry record(String actor, String action, String target, JsonNode before, JsonNode after) {
        AuditEntry entry = new AuditEntry(0, clock.instant(), actor, action, target, scrub(before), scrub(after));
        return outbox.write(events -> {
            AuditEntry stored = store.append(entry);
            events.record(new AuditRecorded(stored.time(), stored.sequence(), toJson(stored)));
            return stored;
        });
    }

    public Page<AuditEntry> list(Optional<Long> before, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw DomainException.badRequest("page size must be between 1 and " + MAX_PAGE);
        }
        return store.list(before, limit);
    }

    public static ObjectNode toJson(AuditEntry entry) {
        ObjectNode json = Json.object();
        json.put("id", Long.toString(entry.sequence()));
        json.put("time", entry.time().toString());
        json.put("actor", entry.actor());
        json.put("action", entry.action());
        json.put("target", entry.target());
        json.set("before", entry.before());
        json.set("after", entry.after());
        return json;
    }

    /** A copy of {@code node} as an object without secret members; non-objects become empty objects. */
    public static ObjectNode scrub(JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            return Json.object();
        }
        ObjectNode copy = object.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> members = object.properties().iterator();
            while (members.hasNext()) {
                Map.Entry<String, JsonNode> member = members.next();
                if (SECRET_MEMBERS.contains(member.getKey())) {
                    members.remove();
                } else {
                    strip(member.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(AuditLog::strip);
        }
    }
}
