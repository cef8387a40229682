/** Device-to-cloud ingest into the event log. Never blocks; no Netty, Javalin or JDBC. */
package org.opencentral.platform.ingest;
