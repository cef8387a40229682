/**
 * Rule actions: {@link ActionSender} sends what fires and resolves queued in the action outbox,
 * through {@link ActionDelivery}: a {@link WebhookClient} (HTTP, signed), a {@link Mailer} (SMTP,
 * implemented by the server) or {@link DeviceActions} (commands and properties through the
 * {@code job} package's steps, audited as the rule), retrying with backoff and rate-limiting per
 * action; outcomes go to the rule's history.
 */
package org.opencentral.platform.rules.action;
