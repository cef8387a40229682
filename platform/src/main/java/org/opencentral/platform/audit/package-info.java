/**
 * The audit log: every change made through the API (and so the UI) is stored in the state store's
 * audit log before the API answers, with its
 * {@link org.opencentral.core.event.PlatformEvent.AuditRecorded} event in the same transaction (the
 * state store's outbox), which {@link org.opencentral.platform.outbox.OutboxForwarder} brings to the
 * event log, for exports: at least once, in order, without the API waiting for the log. Summaries never hold secrets. No Javalin or JDBC.
 */
package org.opencentral.platform.audit;
