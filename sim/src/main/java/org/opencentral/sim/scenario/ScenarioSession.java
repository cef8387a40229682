package org.opencentral.sim.scenario;

import org.opencentral.sim.metrics.Metrics;
import org.opencentral.sim.mqtt.ConnectFailure;
import org.opencentral.sim.mqtt.MqttConnection;
import org.opencentral.sim.mqtt.ConnectionHandler;

/** What every scenario's session does: remember its connection, count unexpected disconnects. */
abstract class ScenarioSession implements ConnectionHandler {
    protected final Metrics metrics;
    protected MqttConnection connection;

    ScenarioSession(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void onConnected(MqttConnection established) {
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
