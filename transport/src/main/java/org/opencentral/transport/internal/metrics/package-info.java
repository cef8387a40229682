/** Micrometer meters of the MQTT endpoint. Must not import Netty or platform services. */
package org.opencentral.transport.internal.metrics;
