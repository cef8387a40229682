/**
 * A lean asynchronous AMQP 1.0 device client for load: per connection one Qpid Proton-J engine
 * ({@code Transport} and {@code Connection}, no reactor) driven by its Netty channel, on that
 * channel's event loop only (Proton's engine is not thread-safe). A device connects as IoT Hub's
 * SDKs do with SAS tokens: SASL ANONYMOUS, a CBS {@code put-token}, then one sender link to its
 * telemetry node; transfers go unsettled and the server's settlement acknowledges them. Knows
 * nothing of scenarios.
 */
package org.opencentral.sim.amqp;
