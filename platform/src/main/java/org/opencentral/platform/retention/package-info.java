/**
 * Retention: forgets event-log entries, raw telemetry and rollups older than the application's
 * retention period, in whole days, through the {@code TimeRetention} ports. No Netty, Javalin or JDBC.
 */
package org.opencentral.platform.retention;
