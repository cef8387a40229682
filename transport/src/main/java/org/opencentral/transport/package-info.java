/**
 * The IoT Hub–compatible MQTT device endpoint: {@link org.opencentral.transport.MqttServer} (MQTT
 * 3.1.1 over TLS, over WebSockets, plain on loopback), its configuration records and the
 * {@link org.opencentral.platform.session.ConnectionListener} the platform implements. This package
 * is the module's API; {@code org.opencentral.transport.internal} is private to the module.
 * Depends on {@code platform} services only; must not import JDBC, Javalin or any store.
 */
package org.opencentral.transport;
