package org.opencentral.store.contract;

import java.util.List;
import org.opencentral.core.store.StateStore;

/** What every contract suite needs from the engine under test. */
public interface StoreFixture {
    /** The store opened for the current test (fresh, empty, migrated). */
    StateStore store();

    /** Closes the current store and opens the same database again. */
    StateStore reopen();

    /** The versions recorded in {@code schema_version}, read with plain JDBC. */
    List<Integer> appliedVersions();
}
