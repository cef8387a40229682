/**
 * Consumers of the event log, each with a durable cursor, driven by {@code ConsumerRunner} in
 * batches sized by {@code Batching}. No Netty, Javalin or JDBC.
 */
package org.opencentral.platform.eventlog;
