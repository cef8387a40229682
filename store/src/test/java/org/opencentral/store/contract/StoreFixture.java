package org.opencentral.store.contract;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.opencentral.core.secret.SecretCipher;
import org.opencentral.core.store.StateStore;

/** What every contract suite needs from the engine under test. */
public interface StoreFixture {
    /** The store opened for the current test (fresh, empty, migrated). */
    StateStore store();

    /** Closes the current store and opens the same database again. */
    StateStore reopen();

    /** The versions recorded in {@code schema_version}, read through {@link #rawConnection()}. */
    default List<Integer> appliedVersions() {
        try (Connection connection = rawConnection(); ResultSet rows = connection.createStatement()
                .executeQuery("SELECT version FROM schema_version ORDER BY version")) {
            List<Integer> versions = new ArrayList<>();
            while (rows.next()) {
                versions.add(rows.getInt(1));
            }
            return versions;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes the current store, runs {@code whileClosed}, and opens the same database again. */
    StateStore reopenAfter(Runnable whileClosed);

    /** Opens another store on the same database with {@code cipher}; the caller closes it. */
    StateStore openWith(SecretCipher cipher);

    /**
     * A plain JDBC connection (auto-commit) to the database under test, past the store; the caller
     * closes it. SQLite admits no other writer while the store is open (see {@link #reopenAfter}).
     */
    Connection rawConnection();
}
