/**
 * The audit log: every change made through the API (and so the UI) is stored in the state store's
 * audit log and appended to the event log as an {@link org.opencentral.core.event.PlatformEvent.AuditRecorded}
 * event, for exports. Summaries never hold secrets. No Javalin or JDBC.
 */
package org.opencentral.platform.audit;
