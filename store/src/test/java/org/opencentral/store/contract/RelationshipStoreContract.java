package org.opencentral.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencentral.store.contract.Fixtures.assertFails;
import static org.opencentral.store.contract.Fixtures.device;
import static org.opencentral.store.contract.Fixtures.id;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.relationship.DeviceRelationship;
import org.opencentral.core.store.Page;

/** Device relationships: create, replace, page, delete, and cascade with either device. */
public interface RelationshipStoreContract extends StoreFixture {
    private void devices(String... ids) {
        for (String d : ids) {
            store().devices().insert(device(d));
        }
    }

    private static DeviceRelationship link(String rel, String source, String target) {
        return new DeviceRelationship(rel, id(source), id(target));
    }

    @Test
    default void aRelationshipIsCreatedThenReplaced() {
        devices("gw", "child-1", "child-2");

        assertThat(store().relationships().put(link("r1", "gw", "child-1"))).isTrue();
        assertThat(store().relationships().put(link("r1", "gw", "child-2"))).isFalse();

        assertThat(store().relationships().find(id("gw"), "r1")).contains(link("r1", "gw", "child-2"));
        assertThat(store().relationships().find(id("child-2"), "r1")).isEmpty();
        assertThat(reopen().relationships().find(id("gw"), "r1")).contains(link("r1", "gw", "child-2"));
    }

    @Test
    default void theNameIsKeptAndReplacedWithTheRelationship() {
        devices("gw", "child-1");
        DeviceRelationship named = new DeviceRelationship("r1", id("gw"), id("child-1"), Optional.of("children"));

        store().relationships().put(named);
        assertThat(reopen().relationships().find(id("gw"), "r1")).contains(named);

        store().relationships().put(link("r1", "gw", "child-1"));
        assertThat(store().relationships().find(id("gw"), "r1")).contains(link("r1", "gw", "child-1"));
    }

    @Test
    default void bothDevicesMustExist() {
        devices("gw");

        assertFails(ErrorCode.NOT_FOUND, () -> store().relationships().put(link("r1", "gw", "missing")));
        assertFails(ErrorCode.NOT_FOUND, () -> store().relationships().put(link("r1", "missing", "gw")));
        assertThat(store().relationships().find(id("gw"), "r1")).isEmpty();
    }

    @Test
    default void relationshipsArePagedInIdOrder() {
        devices("gw", "a", "b", "c");
        store().relationships().put(link("r3", "gw", "c"));
        store().relationships().put(link("r1", "gw", "a"));
        store().relationships().put(link("r2", "gw", "b"));

        Page<DeviceRelationship> first = store().relationships().list(id("gw"), Optional.empty(), 2);
        assertThat(first.items()).extracting(DeviceRelationship::id).containsExactly("r1", "r2");
        Page<DeviceRelationship> second = store().relationships().list(id("gw"), first.next(), 2);
        assertThat(second.items()).extracting(DeviceRelationship::id).containsExactly("r3");
        assertThat(second.next()).isEmpty();
        assertThat(store().relationships().list(id("a"), Optional.empty(), 10).items()).isEmpty();
    }

    @Test
    default void deletingARelationshipAnswersWhetherItExisted() {
        devices("gw", "a");
        store().relationships().put(link("r1", "gw", "a"));

        assertThat(store().relationships().delete(id("gw"), "r1")).isTrue();
        assertThat(store().relationships().delete(id("gw"), "r1")).isFalse();
        assertThat(store().relationships().find(id("gw"), "r1")).isEmpty();
    }

    @Test
    default void relationshipsGoWithEitherDevice() {
        devices("gw", "a", "b");
        store().relationships().put(link("r1", "gw", "a"));
        store().relationships().put(link("r2", "gw", "b"));
        store().relationships().put(link("up", "a", "b"));

        store().devices().delete(id("b"));
        assertThat(store().relationships().list(id("gw"), Optional.empty(), 10).items())
                .containsExactly(link("r1", "gw", "a"));
        assertThat(store().relationships().find(id("a"), "up")).isEmpty();

        store().devices().delete(id("gw"));
        assertThat(store().relationships().find(id("gw"), "r1")).isEmpty();
    }
}
