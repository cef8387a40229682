package org.opencentral.sim.scenario;

import org.opencentral.sim.client.ConnectFailure;
import org.opencentral.sim.client.Connection;
import org.opencentral.sim.client.ConnectionHandler;
import org.opencentral.sim.metrics.Metrics;

/**
 * What every scenario's session does: remember its connection, count unexpected disconnects.
 *
 * @param <C> the connections it works with: {@link Connection} for any protocol
 */
abstract class ScenarioSession<C extends Connection> implements ConnectionHandler<C> {
    protected final Metrics metrics;
    protected C connection;

    ScenarioSession(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void onConnected(C established) {
        this.connection = established;
    }

    @Override
    public void onClosed(Throwable cause) {
        metrics.disconnected("disconnected_" + ConnectFailure.kindOf(cause));
    }

    /** Runs {@code task} on this connection's event loop, if it is connected. */
    void execute(Runnable task) {
        if (connection != null) {
            connection.eventLoop().execute(task);
        }
    }
}
