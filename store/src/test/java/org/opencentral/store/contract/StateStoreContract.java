package org.opencentral.store.contract;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.store.StateStore;

/**
 * The whole state-store contract. An engine's test extends this class and says how to create an
 * empty database and open a store on it; every port's suite then runs against it.
 */
@Timeout(30)
public abstract class StateStoreContract implements DeviceStoreContract, TwinStoreContract, C2dQueueStoreContract,
        LastValueStoreContract, CursorStoreContract, ApiTokenStoreContract, UserStoreContract, MigrationContract,
        SecurityStoresContract, ProvisioningStoreContract, TemplateStoresContract,
        RelationshipStoreContract {
    private StateStore store;

    /** Prepares a fresh, empty database for the next {@link #openStore()} calls. */
    protected abstract void createEmptyDatabase() throws Exception;

    /** Opens a store on the database made by {@link #createEmptyDatabase()}. */
    protected abstract StateStore openStore();

    @BeforeEach
    final void openFreshStore() throws Exception {
        createEmptyDatabase();
        store = openStore();
    }

    @AfterEach
    final void closeStore() {
        store.close();
    }

    @Override
    public final StateStore store() {
        return store;
    }

    @Override
    public final StateStore reopen() {
        store.close();
        store = openStore();
        return store;
    }
}
