/**
 * What the protocols' clients share: a {@link org.opencentral.sim.client.Connection} that scenarios
 * send through, the {@link org.opencentral.sim.client.ConnectionHandler} callbacks they receive on the
 * connection's event loop, the {@link org.opencentral.sim.client.DeviceClient} that opens them, TLS
 * contexts and failure kinds. Knows nothing of scenarios.
 */
package org.opencentral.sim.client;
