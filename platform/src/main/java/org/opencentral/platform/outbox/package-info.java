/**
 * Brings the events of state changes from the state store's outbox to the event log: one
 * {@link org.opencentral.platform.outbox.OutboxForwarder} for every kind of change (devices, twins,
 * cloud properties, templates, provisioning, audit entries). Services record a change and its events
 * in one transaction through {@link org.opencentral.core.store.OutboxStore}; they never append to the
 * log themselves. No Netty, Javalin or JDBC.
 */
package org.opencentral.platform.outbox;
