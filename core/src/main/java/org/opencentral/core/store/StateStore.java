package org.opencentral.core.store;

/**
 * All platform state (not the event log): one SQLite file embedded, one PostgreSQL database in
 * production. Opening it applies pending schema migrations.
 */
public interface StateStore extends AutoCloseable {
    DeviceStore devices();

    TwinStore twins();

    C2dQueueStore c2d();

    LastValueStore lastValues();

    CursorStore cursors();

    ApiTokenStore apiTokens();

    UserStore users();

    @Override
    void close();
}
