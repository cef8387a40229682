package org.opencentral.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencentral.store.contract.Fixtures.device;
import static org.opencentral.store.contract.Fixtures.id;

import org.junit.jupiter.api.Test;
import org.opencentral.store.jdbc.Migrator;

public interface MigrationContract extends StoreFixture {
    @Test
    default void migrationsAreRecordedOnceAndReopeningKeepsTheData() {
        store().devices().insert(device("kept"));
        assertThat(appliedVersions()).containsExactlyElementsOf(
                Migrator.migrations().stream().map(Migrator.Migration::version).toList());

        reopen();
        reopen();

        assertThat(appliedVersions()).hasSize(Migrator.migrations().size());
        assertThat(store().devices().find(id("kept"))).isPresent();
        assertThat(store().twins().find(id("kept"))).isPresent();
    }
}
