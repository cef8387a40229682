package org.opencentral.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencentral.store.contract.Fixtures.T0;
import static org.opencentral.store.contract.Fixtures.assertFails;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.core.security.AuditEntry;
import org.opencentral.core.security.CustomRole;
import org.opencentral.core.security.Organization;
import org.opencentral.core.security.RoleKind;
import org.opencentral.core.security.Session;
import org.opencentral.core.security.User;
import org.opencentral.core.store.Page;

/** Custom roles, organizations, the audit log, sessions and user updates. */
public interface SecurityStoresContract extends StoreFixture {
    @Test
    default void customRolesUpsertListAndDelete() {
        CustomRole viewer = new CustomRole("viewer", "Viewer", RoleKind.APPLICATION, Set.of("devices.view"), T0);
        assertThat(store().roles().upsert(viewer)).isTrue();
        CustomRole changed = new CustomRole("viewer", "Viewer 2", RoleKind.APPLICATION,
                Set.of("devices.view", "jobs.view"), T0.plusSeconds(1));
        assertThat(store().roles().upsert(changed)).isFalse();
        store().roles().upsert(new CustomRole("a-role", "A", RoleKind.ORGANIZATION, Set.of(), T0));

        assertThat(store().roles().find("viewer")).contains(changed);
        assertThat(store().roles().list()).extracting(CustomRole::id).containsExactly("a-role", "viewer");
        assertThat(store().roles().delete("viewer")).isTrue();
        assertThat(store().roles().delete("viewer")).isFalse();
        assertThat(store().roles().find("viewer")).isEmpty();
    }

    @Test
    default void organizationsInsertUpdateListAndDelete() {
        Organization west = new Organization("west", "West", Optional.empty());
        Organization seattle = new Organization("seattle", "Seattle", Optional.of("west"));
        store().organizations().insert(west);
        store().organizations().insert(seattle);
        assertFails(ErrorCode.CONFLICT, () -> store().organizations().insert(west));

        Organization renamed = new Organization("seattle", "Seattle HQ", Optional.empty());
        store().organizations().update(renamed);
        assertFails(ErrorCode.NOT_FOUND, () -> store().organizations().update(
                new Organization("nowhere", "x", Optional.empty())));

        assertThat(store().organizations().find("seattle")).contains(renamed);
        assertThat(store().organizations().list()).containsExactly(renamed, west);
        assertThat(store().organizations().delete("west")).isTrue();
        assertThat(store().organizations().find("west")).isEmpty();
    }

    @Test
    default void devicesAreListedByOrganizationWithFullPages() {
        for (int i = 0; i < 6; i++) {
            var d = Fixtures.device("d" + i);
            store().devices().insert(new org.opencentral.core.device.Device(d.id(), d.displayName(), d.template(),
                    true, false, false, "e" + i, Fixtures.KEYS, Optional.empty(), d.connection(), T0,
                    i % 2 == 0 ? Optional.of("even") : Optional.empty(), Optional.empty()));
        }
        var evens = org.opencentral.core.store.DeviceListQuery.all(2).inOrganizations(Set.of("even"));
        Page<org.opencentral.core.device.Device> first = store().devices().list(evens);
        assertThat(first.items()).extracting(d -> d.id().value()).containsExactly("d0", "d2");
        Page<org.opencentral.core.device.Device> second = store().devices().list(evens.after(first.next()));
        assertThat(second.items()).extracting(d -> d.id().value()).containsExactly("d4");
        assertThat(second.next()).isEmpty();
        assertThat(store().devices().find(Fixtures.id("d0")).orElseThrow().organization()).contains("even");
        assertThat(store().devices().anyInOrganization("even")).isTrue();
        assertThat(store().devices().anyInOrganization("odd")).isFalse();
        assertThat(store().devices().list(org.opencentral.core.store.DeviceListQuery.all(5)
                .inOrganizations(Set.of())).items()).isEmpty();
    }

    @Test
    default void auditEntriesAreNumberedAndReadNewestFirst() {
        for (int i = 1; i <= 3; i++) {
            AuditEntry stored = store().auditLog().append(new AuditEntry(0, T0.plusSeconds(i), "user:u1",
                    "devices.create", "devices/d" + i, Json.object(), Json.object().put("id", "d" + i)));
            assertThat(stored.sequence()).isPositive();
        }
        Page<AuditEntry> page = store().auditLog().list(Optional.empty(), 2);
        assertThat(page.items()).extracting(AuditEntry::target).containsExactly("devices/d3", "devices/d2");
        assertThat(page.items().getFirst().after().path("id").asText()).isEqualTo("d3");
        Page<AuditEntry> rest = store().auditLog().list(page.next().map(Long::parseLong), 2);
        assertThat(rest.items()).extracting(AuditEntry::target).containsExactly("devices/d1");
        assertThat(rest.next()).isEmpty();
    }

    @Test
    default void auditEntriesAreReadOldestFirstAfterASequence() {
        List<Long> sequences = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            sequences.add(store().auditLog().append(new AuditEntry(0, T0.plusSeconds(i), "user:u1",
                    "devices.create", "devices/d" + i, Json.object(), Json.object())).sequence());
        }
        assertThat(store().auditLog().after(0, 2)).extracting(AuditEntry::target)
                .containsExactly("devices/d1", "devices/d2");
        assertThat(store().auditLog().after(sequences.get(1), 10)).extracting(AuditEntry::sequence)
                .containsExactly(sequences.get(2));
        assertThat(store().auditLog().after(sequences.get(2), 10)).isEmpty();
    }

    @Test
    default void sessionsAreFoundByHashAndExpire() {
        store().sessions().insert(new Session("h1", "u1", T0, T0.plusSeconds(60)));
        store().sessions().insert(new Session("h2", "u1", T0, T0.plusSeconds(600)));
        store().sessions().insert(new Session("h3", "u2", T0, T0.plusSeconds(600)));

        assertThat(store().sessions().find("h1")).map(Session::userId).contains("u1");
        assertThat(store().sessions().purgeExpired(T0.plusSeconds(60))).isEqualTo(1);
        assertThat(store().sessions().deleteForUser("u1")).isEqualTo(1);
        assertThat(store().sessions().delete("h3")).isTrue();
        assertThat(store().sessions().find("h3")).isEmpty();
    }

    @Test
    default void usersAreUpdatedKeepingEmailsUnique() {
        store().users().insert(new User("u1", "a@example.com", Optional.empty(), Fixtures.ROLES, T0));
        store().users().insert(new User("u2", "b@example.com", Optional.empty(), Fixtures.ROLES, T0));
        User changed = new User("u1", "c@example.com", Optional.of("hash"), List.of(), T0);

        store().users().update(changed);

        assertThat(store().users().find("u1")).contains(changed);
        assertThat(store().users().findByEmail("c@example.com")).contains(changed);
        assertFails(ErrorCode.CONFLICT, () -> store().users().update(
                new User("u1", "B@example.com", Optional.empty(), List.of(), T0)));
        assertFails(ErrorCode.NOT_FOUND, () -> store().users().update(
                new User("u9", "z@example.com", Optional.empty(), List.of(), T0)));
    }
}
