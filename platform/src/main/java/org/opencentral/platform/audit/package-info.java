/**
 * The audit log: every change made through the API (and so the UI) is stored in the state store's
 * audit log before the API answers, and forwarded from there to the event log as an
 * {@link org.opencentral.core.event.PlatformEvent.AuditRecorded} event, for exports, by the
 * {@link org.opencentral.platform.audit.AuditForwarder} (an outbox with a durable position: at least
 * once, in order, without the API waiting for the log). Summaries never hold secrets. No Javalin or JDBC.
 */
package org.opencentral.platform.audit;
