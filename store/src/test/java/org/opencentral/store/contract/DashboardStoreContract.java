package org.opencentral.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencentral.store.contract.Fixtures.assertFails;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.core.dashboard.Dashboard;
import org.opencentral.core.dashboard.Tile;
import org.opencentral.core.store.Page;

/**
 * Dashboards: stored with their tiles as given, etags, organization scope, and personal dashboards
 * listed only for their owner.
 */
public interface DashboardStoreContract extends StoreFixture {
    private static Tile kpi(String id, int x) {
        return new Tile(id, "Tile " + id, Json.parseObject("""
                {"type":"kpi","group":"g","devices":[],"capabilities":[{"capability":"temp","aggregateFunction":"avg"}],
                 "queryRange":{"type":"time","duration":"PT30M","resolution":"PT1M"},"format":{"decimalPlaces":2}}"""),
                x, 0, 2, 2);
    }

    private static Dashboard organizational(String id, List<String> organizations) {
        return new Dashboard(id, "Dashboard " + id, List.of(kpi("a", 0), kpi("b", 2)), false, Optional.empty(), "",
                organizations);
    }

    private static Dashboard personal(String id, String owner) {
        return new Dashboard(id, "Mine " + id, List.of(), true, Optional.of(owner), "", List.of());
    }

    private List<String> ids(Optional<Set<String>> organizations, Optional<String> owner) {
        return store().dashboards().list(organizations, owner, Optional.empty(), 100).items().stream()
                .map(Dashboard::id).toList();
    }

    @Test
    default void aDashboardKeepsItsTilesAndIsReplacedWithANewEtagAndDeleted() {
        Dashboard created = store().dashboards().insert(organizational("d1", List.of()));
        assertThat(created.etag()).isNotBlank();
        assertThat(reopen().dashboards().find("d1")).contains(created);
        assertThat(store().dashboards().find("d1").orElseThrow().tiles().get(0).configuration().at("/format/decimalPlaces")
                .asInt()).isEqualTo(2);

        assertFails(ErrorCode.CONFLICT, () -> store().dashboards().insert(organizational("d1", List.of())));
        Dashboard changed = new Dashboard("d1", "Renamed", List.of(kpi("c", 5)), true, Optional.empty(), "",
                List.of("east"));
        assertFails(ErrorCode.PRECONDITION_FAILED, () -> store().dashboards().update(changed, "stale"));
        assertFails(ErrorCode.NOT_FOUND, () -> store().dashboards().update(organizational("nope", List.of()), "e"));
        Dashboard updated = store().dashboards().update(changed, created.etag());
        assertThat(updated.etag()).isNotEqualTo(created.etag());
        assertThat(store().dashboards().find("d1")).contains(updated);
        assertThat(updated.tiles()).extracting(Tile::id, Tile::x).containsExactly(org.assertj.core.groups.Tuple.tuple("c", 5));

        assertThat(store().dashboards().delete("d1")).isTrue();
        assertThat(store().dashboards().delete("d1")).isFalse();
        assertThat(store().dashboards().find("d1")).isEmpty();
    }

    @Test
    default void listsArePagedByIdAndShowPersonalDashboardsToTheirOwnerOnly() {
        store().dashboards().insert(organizational("root", List.of()));
        store().dashboards().insert(organizational("east1", List.of("east")));
        store().dashboards().insert(organizational("west1", List.of("west")));
        store().dashboards().insert(personal("mine", "user:ann"));
        store().dashboards().insert(personal("theirs", "user:bob"));

        assertThat(ids(Optional.empty(), Optional.empty())).containsExactly("east1", "root", "west1");
        assertThat(ids(Optional.empty(), Optional.of("user:ann"))).containsExactly("east1", "mine", "root", "west1");
        assertThat(ids(Optional.of(Set.of("east")), Optional.of("user:bob"))).containsExactly("east1", "theirs");
        assertThat(ids(Optional.of(Set.of()), Optional.of("user:ann"))).containsExactly("mine");
        assertThat(ids(Optional.of(Set.of()), Optional.empty())).isEmpty();

        Page<Dashboard> first = store().dashboards().list(Optional.empty(), Optional.of("user:ann"), Optional.empty(), 2);
        assertThat(first.items()).extracting(Dashboard::id).containsExactly("east1", "mine");
        assertThat(first.next()).contains("mine");
        Page<Dashboard> second = store().dashboards().list(Optional.empty(), Optional.of("user:ann"), first.next(), 2);
        assertThat(second.items()).extracting(Dashboard::id).containsExactly("root", "west1");
        assertThat(second.next()).isEmpty();
    }
}
