/**
 * A lean MQTT 3.1.1 client on Netty, built for tens of thousands of connections in one process:
 * one shared event loop group, no per-connection threads or queues, callbacks on the connection's
 * event loop ({@link org.opencentral.sim.client.ConnectionHandler}). Callbacks must never block. Knows nothing
 * of IoT Hub or of scenarios.
 */
package org.opencentral.sim.mqtt;
