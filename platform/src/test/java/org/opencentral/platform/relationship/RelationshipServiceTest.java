package org.opencentral.platform.relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.store.StateStore;
import org.opencentral.platform.device.DeviceChanges;
import org.opencentral.platform.device.DeviceRegistry;
import org.opencentral.platform.organization.AccessScope;
import org.opencentral.platform.relationship.RelationshipService.Changes;
import org.opencentral.platform.session.DeviceSessions;
import org.opencentral.store.eventlog.DuckDbEventLog;
import org.opencentral.store.sqlite.SqliteStateStore;

/** The rules of relationships over a real SQLite state store. */
@Timeout(30)
class RelationshipServiceTest {
    private static final AccessScope EVERYWHERE = new AccessScope(true, Set.of());

    @TempDir
    Path dir;
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    StateStore state;
    EventLog log;
    DeviceRegistry devices;
    RelationshipService relationships;

    @BeforeEach
    void open() {
        state = SqliteStateStore.open(dir.resolve("state.db"));
        log = DuckDbEventLog.open(dir.resolve("events.duckdb"));
        devices = new DeviceRegistry(state.devices(), log, new DeviceSessions(timer), Clock.systemUTC());
        relationships = new RelationshipService(state.relationships(), devices);
        device("gw", "west");
        device("child", "west");
        device("far", "east");
    }

    @AfterEach
    void close() {
        timer.shutdownNow();
        log.close();
        state.close();
    }

    @Test
    void putCreatesThenReplacesAndPatchMerges() {
        assertThat(relationships.put(id("gw"), "r1", changes(null, "child"), EVERYWHERE).created()).isTrue();
        assertThat(relationships.put(id("gw"), "r1", changes("gw", "far"), EVERYWHERE).created()).isFalse();
        assertThat(relationships.patch(id("gw"), "r1", changes(null, null), EVERYWHERE).relationship().target())
                .isEqualTo(id("far"));
        assertThat(relationships.get(id("gw"), "r1").target()).isEqualTo(id("far"));
    }

    @Test
    void brokenRulesAreBadRequests() {
        fails(ErrorCode.BAD_REQUEST, () -> relationships.put(id("gw"), "r1", changes(null, null), EVERYWHERE));
        fails(ErrorCode.BAD_REQUEST, () -> relationships.put(id("gw"), "r1", changes(null, "gw"), EVERYWHERE));
        fails(ErrorCode.BAD_REQUEST, () -> relationships.put(id("gw"), "r1", changes("child", "far"), EVERYWHERE));
        fails(ErrorCode.BAD_REQUEST, () -> relationships.put(id("gw"), "no spaces", changes(null, "far"), EVERYWHERE));
        fails(ErrorCode.BAD_REQUEST, () -> relationships.put(id("gw"), "r1", changes(null, "missing"), EVERYWHERE));
    }

    @Test
    void aTargetOutsideTheScopeIsLikeAMissingOne() {
        AccessScope west = new AccessScope(false, Set.of("west"));

        fails(ErrorCode.BAD_REQUEST, () -> relationships.put(id("gw"), "r1", changes(null, "far"), west));
        assertThat(relationships.put(id("gw"), "r1", changes(null, "child"), west).created()).isTrue();
    }

    @Test
    void missingDevicesAndRelationshipsAreNotFound() {
        fails(ErrorCode.NOT_FOUND, () -> relationships.list(id("missing"), Optional.empty(), 10));
        fails(ErrorCode.NOT_FOUND, () -> relationships.get(id("gw"), "r1"));
        fails(ErrorCode.NOT_FOUND, () -> relationships.patch(id("gw"), "r1", changes(null, "child"), EVERYWHERE));
        fails(ErrorCode.NOT_FOUND, () -> relationships.delete(id("gw"), "r1"));
    }

    private void device(String name, String organization) {
        devices.create(id(name), new DeviceChanges(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(organization)));
    }

    private static DeviceId id(String value) {
        return DeviceId.of(value);
    }

    private static Changes changes(String source, String target) {
        return new Changes(Optional.ofNullable(source), Optional.ofNullable(target));
    }

    private static void fails(ErrorCode code, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
