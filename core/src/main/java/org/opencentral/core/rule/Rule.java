package org.opencentral.core.rule;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A rule over the devices of one template, or only those of its devices that are live members of
 * a device {@code group} and match a {@code filter} (a device group's filter, the device query of
 * IoT Central, over the device's properties and metadata). With a {@code window} it is aggregated: every item is
 * telemetry with an aggregation, evaluated per tumbling window of that length; without one it
 * evaluates every message. A window closes once the platform's time passes its end by
 * {@code lateness}; a value later than that is not counted. A device's instance of the rule fires
 * when the conditions become true and resolves once they have been false for {@code resolveAfter};
 * while firing it notifies again every {@code renotify} if set, never otherwise.
 */
public record Rule(String id, String displayName, boolean enabled, String template, Optional<String> group,
        Optional<String> filter, Conditions conditions,
        Optional<Duration> window, Duration lateness, Duration resolveAfter, Optional<Duration> renotify,
        List<RuleAction> actions) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,127}");
    public static final Duration MAX_WINDOW = Duration.ofDays(1);
    public static final int MAX_ACTIONS = 5;
    public static final Duration DEFAULT_LATENESS = Duration.ofSeconds(10);

    public Rule {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a rule id is 1 to 128 letters, digits, '.', '_', '~' or '-'");
        }
        Objects.requireNonNull(displayName, "displayName");
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("a rule names its device template");
        }
        Objects.requireNonNull(group, "group");
        if (group.isPresent() && group.get().isBlank()) {
            throw new IllegalArgumentException("group must not be blank");
        }
        Objects.requireNonNull(filter, "filter");
        if (filter.isPresent() && filter.get().isBlank()) {
            throw new IllegalArgumentException("filter must not be blank");
        }
        Objects.requireNonNull(conditions, "conditions");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(renotify, "renotify");
        actions = List.copyOf(actions);
        if (actions.size() > MAX_ACTIONS) {
            throw new IllegalArgumentException("a rule has at most " + MAX_ACTIONS + " actions");
        }
        if (lateness.isNegative() || window.isPresent() && lateness.compareTo(window.get()) > 0) {
            throw new IllegalArgumentException("lateness is from PT0S to the window's length");
        }
        if (resolveAfter.isNegative()) {
            throw new IllegalArgumentException("resolveAfter must not be negative");
        }
        if (renotify.isPresent() && !renotify.get().isPositive()) {
            throw new IllegalArgumentException("renotify must be positive");
        }
        window.ifPresent(Rule::checkWindow);
        checkAggregations(conditions, window.isPresent());
    }

    /** Whether the rule evaluates tumbling windows rather than single messages. */
    public boolean aggregated() {
        return window.isPresent();
    }

    public Rule withId(String newId) {
        return new Rule(newId, displayName, enabled, template, group, filter, conditions, window, lateness, resolveAfter,
                renotify, actions);
    }

    public Rule withActions(List<RuleAction> newActions) {
        return new Rule(id, displayName, enabled, template, group, filter, conditions, window, lateness, resolveAfter,
                renotify,
                newActions);
    }

    /** The actions that run on {@code trigger}, with their index in {@link #actions()}. */
    public Map<Integer, RuleAction> actionsOn(RuleAction.On trigger) {
        Map<Integer, RuleAction> found = new LinkedHashMap<>();
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i).on() == trigger) {
                found.put(i, actions.get(i));
            }
        }
        return found;
    }

    private static void checkWindow(Duration window) {
        long minutes = window.toMinutes();
        if (!window.equals(Duration.ofMinutes(minutes)) || minutes < 1 || window.compareTo(MAX_WINDOW) > 0
                || MAX_WINDOW.toMinutes() % minutes != 0) {
            throw new IllegalArgumentException("window is a whole number of minutes that divides a day (PT1M, PT5M, "
                    + "PT10M, PT15M, PT30M, PT1H, ... P1D)");
        }
    }

    private static void checkAggregations(Conditions conditions, boolean aggregated) {
        for (int i = 0; i < conditions.items().size(); i++) {
            Condition item = conditions.items().get(i);
            String where = "conditions.items[" + i + "]";
            boolean hasAggregation = item instanceof Condition.Telemetry t && t.aggregation().isPresent();
            if (aggregated && !hasAggregation) {
                throw new IllegalArgumentException(where + ": a rule with a window has only telemetry items, "
                        + "each with an aggregation");
            }
            if (!aggregated && hasAggregation) {
                throw new IllegalArgumentException(where + ": an aggregation needs the rule's window");
            }
        }
    }
}
