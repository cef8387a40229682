package org.opencentral.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencentral.store.contract.Fixtures.T0;
import static org.opencentral.store.contract.Fixtures.assertFails;
import static org.opencentral.store.contract.Fixtures.device;
import static org.opencentral.store.contract.Fixtures.id;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.core.event.PlatformEvent.AuditRecorded;
import org.opencentral.core.event.PlatformEvent.DeviceLifecycle;
import org.opencentral.core.event.PlatformEvent.DeviceLifecycle.Change;
import org.opencentral.core.event.PlatformEvent.ReportedPropertiesUpdated;
import org.opencentral.core.event.PlatformEvent.TemplateLifecycle;
import org.opencentral.core.store.OutboxEntry;

/** A change and its events are stored together or not at all, and wait in order until forwarded. */
public interface OutboxStoreContract extends StoreFixture {
    Instant AT = Instant.parse("2026-12-06T01:02:03.123456789Z");

    private static PlatformEvent created(String device) {
        return new DeviceLifecycle(id(device), AT, Change.CREATED);
    }

    private List<PlatformEvent> pendingEvents() {
        return store().outbox().pending(100).stream().map(OutboxEntry::event).toList();
    }

    @Test
    default void aChangeAndItsEventsAreStoredTogetherInOrder() {
        PlatformEvent template = new TemplateLifecycle("tpl", AT, TemplateLifecycle.Change.UPDATED,
                Optional.of("\"e1\""));
        PlatformEvent reported = new ReportedPropertiesUpdated(id("a"), AT.plusNanos(1),
                Json.parseObject("{\"target\":21.5,\"mode\":\"eco\"}"), 7);

        String result = store().outbox().write(events -> {
            store().devices().insert(device("a"));
            events.record(created("a"));
            events.record(template);
            events.record(reported);
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(store().devices().find(id("a"))).isPresent();
        assertThat(pendingEvents()).containsExactly(created("a"), template, reported);
        assertThat(reopen().outbox().pending(100)).extracting(OutboxEntry::event)
                .containsExactly(created("a"), template, reported);
    }

    @Test
    default void aChangeThatFailsStoresNeitherItsStateNorItsEvents() {
        assertThatThrownBy(() -> store().outbox().run(events -> {
            store().devices().insert(device("a"));
            events.record(created("a"));
            throw new IllegalStateException("crash inside the change");
        })).hasMessage("crash inside the change");
        store().devices().insert(device("b"));
        assertFails(ErrorCode.CONFLICT, () -> store().outbox().run(events -> {
            store().devices().insert(device("c"));
            events.record(created("c"));
            store().devices().insert(device("b"));
        }));

        assertThat(store().devices().find(id("a"))).isEmpty();
        assertThat(store().devices().find(id("c"))).isEmpty();
        assertThat(pendingEvents()).isEmpty();
    }

    @Test
    default void theChangeReadsItsOwnWrites() {
        boolean seen = store().outbox().write(events -> {
            store().devices().insert(device("a"));
            events.record(created("a"));
            return store().devices().find(id("a")).isPresent() && store().twins().find(id("a")).isPresent();
        });

        assertThat(seen).isTrue();
    }

    @Test
    default void forwardedEntriesAreRemovedByIdAndTheOthersWait() {
        for (String device : List.of("a", "b", "c")) {
            store().outbox().run(events -> events.record(created(device)));
        }
        List<OutboxEntry> pending = store().outbox().pending(100);
        assertThat(pending).extracting(OutboxEntry::id).isSorted().doesNotHaveDuplicates();
        assertThat(store().outbox().pending(2)).containsExactlyElementsOf(pending.subList(0, 2));

        store().outbox().forwarded(List.of(pending.get(0), pending.get(2)));

        assertThat(reopen().outbox().pending(100)).containsExactly(pending.get(1));
    }

    @Test
    default void listenersHearOfCommittedChangesWithEventsOnly() {
        AtomicInteger committed = new AtomicInteger();
        store().outbox().onCommitted(committed::incrementAndGet);

        store().outbox().run(events -> store().devices().insert(device("quiet")));
        assertThatThrownBy(() -> store().outbox().run(events -> {
            events.record(created("x"));
            throw new IllegalStateException("rolled back");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(committed).hasValue(0);

        store().outbox().run(events -> events.record(created("a")));
        assertThat(committed).hasValue(1);
    }

    @Test
    default void auditEntriesTheOldForwarderHadNotAppendedMoveIntoTheOutbox() {
        store().auditLog().append(new org.opencentral.core.security.AuditEntry(0, T0, "user:alice", "DELETE",
                "/api/devices/old", Json.object(), Json.object()));
        long second = store().auditLog().append(new org.opencentral.core.security.AuditEntry(0, T0.plusMillis(7),
                "user:bob", "PATCH", "/api/devices/d1", Json.object().put("displayName", "A"),
                Json.object().put("displayName", "B"))).sequence();

        reopenAfter(() -> sql("DROP TABLE outbox", "DELETE FROM schema_version WHERE version = 10",
                "INSERT INTO cursors (consumer, last_sequence) VALUES ('audit-forwarder', " + (second - 1) + ")"));

        assertThat(pendingEvents()).singleElement().isInstanceOfSatisfying(AuditRecorded.class, audit -> {
            assertThat(audit.time()).isEqualTo(T0.plusMillis(7));
            assertThat(audit.auditSequence()).isEqualTo(second);
            assertThat(audit.entry()).isEqualTo(Json.parseObject("{\"id\":\"" + second + "\",\"time\":\""
                    + "2026-11-26T10:00:00.130Z\",\"actor\":\"user:bob\",\"action\":\"PATCH\",\"target\":"
                    + "\"/api/devices/d1\",\"before\":{\"displayName\":\"A\"},\"after\":{\"displayName\":\"B\"}}"));
        });
        assertThat(store().cursors().position("audit-forwarder")).isZero();
    }

    private void sql(String... statements) {
        try (Connection connection = rawConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.executeUpdate(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
