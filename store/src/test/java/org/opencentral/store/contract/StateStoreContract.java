package org.opencentral.store.contract;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.secret.SecretCipher;
import org.opencentral.core.store.StateStore;
import org.opencentral.store.secret.AesGcmSecretCipher;

/**
 * The whole state-store contract. An engine's test extends this class and says how to create an
 * empty database and open a store on it; every port's suite then runs against it.
 */
@Timeout(30)
public abstract class StateStoreContract implements DeviceStoreContract, TwinStoreContract, C2dQueueStoreContract,
        LastValueStoreContract, CursorStoreContract, ApiTokenStoreContract, UserStoreContract, MigrationContract,
        SecurityStoresContract, ProvisioningStoreContract, TemplateStoresContract,
        RelationshipStoreContract, CommandHistoryStoreContract, DeviceListContract, SecretsAtRestContract,
        OutboxStoreContract, DeviceGroupStoreContract, RuleStoreContract, ExportStoreContract, JobStoreContract,
        ScheduledJobStoreContract, DashboardStoreContract, DeviceFileStoreContract {
    private StateStore store;
    private SecretCipher cipher;

    /** Prepares a fresh, empty database for the next {@link #openStore} calls. */
    protected abstract void createEmptyDatabase() throws Exception;

    /** Opens a store on the database made by {@link #createEmptyDatabase()}, sealing keys with {@code cipher}. */
    protected abstract StateStore openStore(SecretCipher cipher);

    @BeforeEach
    final void openFreshStore() throws Exception {
        createEmptyDatabase();
        cipher = AesGcmSecretCipher.random();
        store = openStore(cipher);
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
        store = openStore(cipher);
        return store;
    }

    @Override
    public final StateStore reopenAfter(Runnable whileClosed) {
        store.close();
        whileClosed.run();
        store = openStore(cipher);
        return store;
    }

    @Override
    public final StateStore openWith(SecretCipher other) {
        return openStore(other);
    }
}
