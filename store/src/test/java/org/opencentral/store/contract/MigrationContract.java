package org.opencentral.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencentral.store.contract.Fixtures.device;
import static org.opencentral.store.contract.Fixtures.id;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.opencentral.store.jdbc.Migrator;
import org.opencentral.store.jdbc.SchemaTooNewException;

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

    @Test
    default void aDatabaseWrittenByANewerVersionIsRefusedUntouched() {
        store().devices().insert(device("kept"));
        int newer = Migrator.latestVersion() + 1;

        assertThatThrownBy(() -> reopenAfter(() -> sql("INSERT INTO schema_version (version, description, applied_at) "
                + "VALUES (" + newer + ", 'from_the_future', 0)")))
                .isInstanceOf(SchemaTooNewException.class)
                .hasMessageContaining("schema version " + newer)
                .hasMessageContaining("knows versions up to " + Migrator.latestVersion());

        assertThat(appliedVersions()).last().isEqualTo(newer);
        reopenAfter(() -> sql("DELETE FROM schema_version WHERE version = " + newer));
        assertThat(store().devices().find(id("kept"))).isPresent();
    }

    private void sql(String statement) {
        try (Connection connection = rawConnection(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
