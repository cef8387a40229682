package org.opencentral.platform.rules.action;

import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.rule.ActionTask;
import org.opencentral.core.rule.Rule;
import org.opencentral.core.rule.RuleAction;

/**
 * Tries one action once, by its kind: a webhook through the {@link WebhookClient}, an email through
 * the {@link Mailer} (a failure without an SMTP server), a device action through
 * {@link DeviceActions}. The outbox's sender and the "send test" call share it.
 */
public final class ActionDelivery {
    private final WebhookClient webhooks;
    private final Optional<Mailer> mailer;
    private final DeviceActions devices;

    public ActionDelivery(WebhookClient webhooks, Optional<Mailer> mailer, DeviceActions devices) {
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
        this.mailer = Objects.requireNonNull(mailer, "mailer");
        this.devices = Objects.requireNonNull(devices, "devices");
    }

    /** Tries the {@code task}'s action of {@code rule} once. */
    public Delivery deliver(Rule rule, ActionTask task) {
        RuleAction action = rule.actions().get(task.action());
        return switch (action) {
            case RuleAction.Webhook w -> webhooks.post(w, task);
            case RuleAction.Email e -> mailer.map(m -> m.send(e.to(), EmailText.subject(task), EmailText.body(task)))
                    .orElse(new Delivery.Failed("no SMTP server is configured (--smtp-host)"));
            case RuleAction.Command c -> devices.run(rule, task.device(), c);
            case RuleAction.Property p -> devices.run(rule, task.device(), p);
            case RuleAction.CloudProperty c -> devices.run(rule, task.device(), c);
        };
    }

    /** The action's wire type, as the history names it. */
    public static String type(RuleAction action) {
        return switch (action) {
            case RuleAction.Webhook w -> "webhook";
            case RuleAction.Email e -> "email";
            case RuleAction.Command c -> "command";
            case RuleAction.Property p -> "property";
            case RuleAction.CloudProperty c -> "cloudProperty";
        };
    }
}
