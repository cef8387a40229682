/** Consumers of the event log, each with a durable cursor. No Netty, Javalin or JDBC. */
package org.opencentral.platform.eventlog;
