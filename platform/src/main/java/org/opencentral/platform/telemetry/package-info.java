/** Telemetry views built from the event log (last known values). No Netty, Javalin or JDBC. */
package org.opencentral.platform.telemetry;
