package org.opencentral.platform.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
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
import org.opencentral.core.Json;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.group.DeviceGroup;
import org.opencentral.core.security.Organization;
import org.opencentral.core.store.StateStore;
import org.opencentral.platform.command.CommandHistory;
import org.opencentral.platform.device.DeviceChanges;
import org.opencentral.platform.device.DeviceRegistry;
import org.opencentral.platform.organization.AccessScope;
import org.opencentral.platform.organization.OrganizationService;
import org.opencentral.platform.query.QueryException;
import org.opencentral.platform.query.QueryLimits;
import org.opencentral.platform.session.DeviceSessions;
import org.opencentral.platform.twin.TwinService;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;

/** Device groups over a real SQLite state store: CRUD rules, organization scope and live membership. */
@Timeout(30)
class DeviceGroupServiceTest {
    private static final AccessScope EVERYWHERE = new AccessScope(true, Set.of());
    private static final AccessScope WEST = new AccessScope(false, Set.of("west"));
    private static final String SIMULATED = "SELECT * FROM devices WHERE $simulated = true";

    @TempDir
    Path dir;
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    StateStore state;
    DeviceRegistry devices;
    TwinService twins;
    DeviceGroupService groups;

    @BeforeEach
    void open() {
        state = SqliteStateStore.open(dir.resolve("state.db"), AesGcmSecretCipher.random());
        DeviceSessions sessions = new DeviceSessions(timer);
        devices = new DeviceRegistry(state.devices(), state.outbox(), sessions, new CommandHistory(state.commandHistory()), Clock.systemUTC());
        twins = new TwinService(state.twins(), state.outbox(), sessions, Clock.systemUTC());
        OrganizationService organizations = new OrganizationService(state.organizations(), state.devices(),
                state.users(), state.apiTokens());
        organizations.put(new Organization("west", "West", Optional.empty()));
        organizations.put(new Organization("east", "East", Optional.empty()));
        groups = new DeviceGroupService(state.deviceGroups(), organizations, new GroupFilters(QueryLimits.DEFAULTS,
                new org.opencentral.platform.query.service.TemplateCatalog(new org.opencentral.platform.template.TemplateService(
                        state.templates(), Optional.empty(), state.outbox(), Clock.systemUTC()))));
    }

    @AfterEach
    void close() {
        timer.shutdownNow();
        state.close();
    }

    private void device(String id, boolean simulated, Optional<String> organization) {
        devices.create(DeviceId.of(id), new DeviceChanges(Optional.of(id), Optional.empty(), Optional.of(true),
                Optional.of(simulated), organization, Optional.empty()));
    }

    private static GroupChanges changes(String name, String filter, List<String> organizations) {
        return new GroupChanges(Optional.of(name), Optional.of(filter), Optional.empty(), Optional.of(organizations));
    }

    private List<String> members(String group, AccessScope deviceScope) {
        return groups.members(group, EVERYWHERE, deviceScope, Optional.empty(), 100).items().stream()
                .map(d -> d.id().value()).toList();
    }

    @Test
    void aGroupIsCreatedReplacedPatchedAndDeletedWithEtags() {
        DeviceGroupService.Saved created = groups.put("sims", changes("Sims", SIMULATED, List.of()), Optional.empty(),
                EVERYWHERE);
        assertThat(created.created()).isTrue();
        DeviceGroupService.Saved replaced = groups.put("sims", changes("All sims", SIMULATED, List.of()),
                Optional.of(created.group().etag()), EVERYWHERE);
        assertThat(replaced.created()).isFalse();
        assertThat(replaced.group().displayName()).isEqualTo("All sims");

        assertFails(ErrorCode.PRECONDITION_FAILED, () -> groups.patch("sims", new GroupChanges(Optional.empty(),
                Optional.empty(), Optional.of(Optional.of("x")), Optional.empty()), Optional.of(created.group().etag()),
                EVERYWHERE));
        DeviceGroup patched = groups.patch("sims", new GroupChanges(Optional.empty(), Optional.empty(),
                Optional.of(Optional.of("every simulator")), Optional.empty()), Optional.empty(), EVERYWHERE);
        assertThat(patched.description()).contains("every simulator");
        assertThat(patched.displayName()).isEqualTo("All sims");

        groups.delete("sims", Optional.of(patched.etag()), EVERYWHERE);
        assertFails(ErrorCode.NOT_FOUND, () -> groups.get("sims", EVERYWHERE));
    }

    @Test
    void invalidGroupsAreRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> groups.put("bad", changes("Bad", "SELECT * FROM devices WHERE", List.of()),
                Optional.empty(), EVERYWHERE)).isInstanceOf(QueryException.class).hasMessageStartingWith("at 1:28:");
        assertFails(ErrorCode.BAD_REQUEST, () -> groups.put("no filter", changes("x", SIMULATED, List.of()),
                Optional.empty(), EVERYWHERE));
        assertFails(ErrorCode.BAD_REQUEST, () -> groups.put("g", new GroupChanges(Optional.of("x"), Optional.empty(),
                Optional.empty(), Optional.empty()), Optional.empty(), EVERYWHERE));
        assertFails(ErrorCode.BAD_REQUEST, () -> groups.put("g", changes("x", SIMULATED, List.of("north")),
                Optional.empty(), EVERYWHERE));
        assertFails(ErrorCode.BAD_REQUEST, () -> groups.put("g", changes("x", SIMULATED, List.of("west", "east")),
                Optional.empty(), EVERYWHERE));
        assertThat(groups.list(EVERYWHERE, Optional.empty(), 10).items()).isEmpty();
    }

    @Test
    void organizationsScopeGroupsAndTheirMembers() {
        device("w1", true, Optional.of("west"));
        device("e1", true, Optional.of("east"));
        device("root", true, Optional.empty());
        groups.put("all-sims", changes("All", SIMULATED, List.of()), Optional.empty(), EVERYWHERE);
        groups.put("west-sims", changes("West", SIMULATED, List.of("west")), Optional.empty(), WEST);

        assertThat(members("all-sims", EVERYWHERE)).containsExactly("e1", "root", "w1");
        assertThat(members("all-sims", WEST)).as("members outside the caller's scope are hidden").containsExactly("w1");
        assertThat(members("west-sims", EVERYWHERE)).as("a group of an organization has only its devices")
                .containsExactly("w1");
        assertThat(groups.list(WEST, Optional.empty(), 10).items()).extracting(DeviceGroup::id).containsExactly("west-sims");
        assertFails(ErrorCode.NOT_FOUND, () -> groups.get("all-sims", WEST));
        assertFails(ErrorCode.FORBIDDEN, () -> groups.put("mine", changes("x", SIMULATED, List.of()), Optional.empty(),
                WEST));
        assertFails(ErrorCode.FORBIDDEN, () -> groups.put("all-sims", changes("x", SIMULATED, List.of("west")),
                Optional.empty(), WEST));
        assertThat(groups.groupsOf(DeviceId.of("w1"), EVERYWHERE)).extracting(DeviceGroup::id)
                .containsExactly("all-sims", "west-sims");
        assertThat(groups.groupsOf(DeviceId.of("e1"), EVERYWHERE)).extracting(DeviceGroup::id).containsExactly("all-sims");
        assertThat(groups.groupsOf(DeviceId.of("w1"), WEST)).extracting(DeviceGroup::id).containsExactly("west-sims");
    }

    @Test
    void aDeviceThatStartsToMatchIsAMemberAtTheNextRead() {
        device("d1", false, Optional.empty());
        groups.put("v12", changes("Firmware 1.2", "SELECT * FROM devices WHERE firmwareVersion = \"1.2\"", List.of()),
                Optional.empty(), EVERYWHERE);
        assertThat(groups.isMember("v12", DeviceId.of("d1"))).isFalse();

        twins.patchReported(DeviceId.of("d1"), Json.parseObject("{\"firmwareVersion\":\"1.2\"}"));

        assertThat(groups.isMember("v12", DeviceId.of("d1"))).isTrue();
        assertThat(members("v12", EVERYWHERE)).containsExactly("d1");
        assertThat(groups.preview("SELECT * FROM devices WHERE firmwareVersion != \"1.2\"", EVERYWHERE, 10).count())
                .isZero();
        DeviceGroupService.Preview all = groups.preview("SELECT * FROM devices", EVERYWHERE, 10);
        assertThat(all.count()).isEqualTo(1);
        assertThat(all.devices()).extracting(Device::displayName).containsExactly("d1");
        assertThat(groups.isMember("missing", DeviceId.of("d1"))).isFalse();
    }

    private static void assertFails(ErrorCode code, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
