/**
 * Rule actions: {@link ActionSender} sends what fires queued in the action outbox, through a
 * {@link WebhookClient} (HTTP, signed) and a {@link Mailer} (SMTP, implemented by the server),
 * retrying with backoff and rate-limiting per action; outcomes go to the rule's history.
 */
package org.opencentral.platform.rules.action;
