package org.opencentral.core.rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.Json;

/** The JSON form of one condition item; it names exactly one of the five kinds. */
final class ConditionJson {
    private static final List<String> KINDS = List.of("telemetry", "property", "cloudProperty", "connectivity",
            "absence");

    private ConditionJson() {
    }

    static Condition read(String where, JsonNode item) {
        if (!item.isObject()) {
            throw RuleJson.bad(where, "is an object");
        }
        List<String> named = KINDS.stream().filter(item::hasNonNull).toList();
        if (named.size() != 1) {
            throw RuleJson.bad(where, "names exactly one of " + String.join(", ", KINDS) + " (it names "
                    + (named.isEmpty() ? "none" : String.join(" and ", named)) + ")");
        }
        if (item.has("member") && !named.getFirst().equals("telemetry") && !named.getFirst().equals("property")) {
            throw RuleJson.bad(where + ".member", "is only for a telemetry or property item (a field of an Object "
                    + "telemetry or property), not for a " + named.getFirst() + " item");
        }
        try {
            return switch (named.getFirst()) {
                case "telemetry" -> new Condition.Telemetry(capability(where, item, "telemetry"), member(where, item),
                        comparison(where, item), aggregation(where, item));
                case "property" -> new Condition.Property(capability(where, item, "property"), member(where, item),
                        comparison(where, item));
                case "cloudProperty" -> new Condition.CloudProperty(capability(where, item, "cloudProperty"),
                        comparison(where, item));
                case "connectivity" -> new Condition.Connection(connectivity(where, item));
                default -> new Condition.Absence(capability(where, item, "absence"),
                        RuleJson.duration(item, "duration").orElseThrow(
                                () -> RuleJson.bad(where + ".duration", "is required for an absence")));
            };
        } catch (DomainException e) {
            throw e.getMessage().startsWith(where) ? e : RuleJson.bad(where + ":", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw RuleJson.bad(where + ":", e.getMessage());
        }
    }

    static ObjectNode write(Condition item) {
        ObjectNode json = Json.object();
        switch (item) {
            case Condition.Telemetry t -> {
                capability(json, "telemetry", t.telemetry());
                t.member().ifPresent(m -> json.put("member", m));
                comparison(json, t.comparison());
                t.aggregation().ifPresent(a -> json.put("aggregation", a.wireName()));
            }
            case Condition.Property p -> {
                capability(json, "property", p.property());
                p.member().ifPresent(m -> json.put("member", m));
                comparison(json, p.comparison());
            }
            case Condition.CloudProperty c -> {
                capability(json, "cloudProperty", c.property());
                comparison(json, c.comparison());
            }
            case Condition.Connection c -> json.put("connectivity", c.state().wireName());
            case Condition.Absence a -> {
                capability(json, "absence", a.telemetry());
                json.put("duration", a.duration().toString());
            }
        }
        return json;
    }

    private static Capability capability(String where, JsonNode item, String kind) {
        String name = RuleJson.optionalText(item, kind).orElseThrow();
        return new Capability(RuleJson.optionalText(item, "component"), name);
    }

    private static void capability(ObjectNode json, String kind, Capability capability) {
        json.put(kind, capability.name());
        capability.component().ifPresent(c -> json.put("component", c));
    }

    private static Optional<String> member(String where, JsonNode item) {
        JsonNode member = item.get("member");
        if (member == null || member.isNull()) {
            return Optional.empty();
        }
        if (!member.isTextual() || member.asText().isBlank()) {
            throw RuleJson.bad(where + ".member", "is the name of a field of the capability's Object schema");
        }
        return Optional.of(member.asText());
    }

    private static Comparison comparison(String where, JsonNode item) {
        String symbol = RuleJson.optionalText(item, "operator")
                .orElseThrow(() -> RuleJson.bad(where + ".operator", "is required"));
        Operator operator = Operator.of(symbol).orElseThrow(() -> RuleJson.bad(where + ".operator",
                "'" + symbol + "' is not one of >, >=, <, <=, ==, !=, contains, notContains"));
        JsonNode value = item.get("value");
        JsonNode compareTo = item.get("compareTo");
        boolean hasValue = value != null && !value.isNull();
        boolean hasCompareTo = compareTo != null && !compareTo.isNull();
        if (hasValue == hasCompareTo) {
            throw RuleJson.bad(where, "names exactly one of value and compareTo");
        }
        if (hasCompareTo) {
            return new Comparison(operator, cloudProperty(where, compareTo));
        }
        if (!(value.isNumber() || value.isTextual() || value.isBoolean())) {
            throw RuleJson.bad(where + ".value", "is required: a number, a string or a boolean");
        }
        return Comparison.of(operator, value);
    }

    private static void comparison(ObjectNode json, Comparison comparison) {
        json.put("operator", comparison.operator().symbol());
        switch (comparison.operand()) {
            case Comparison.Operand.Constant c -> json.set("value", c.value());
            case Comparison.Operand.CloudProperty c -> {
                ObjectNode compareTo = json.putObject("compareTo").put("cloudProperty", c.name());
                c.component().ifPresent(component -> compareTo.put("component", component));
            }
        }
    }

    /** {@code {"cloudProperty": "<name>"}}, with {@code "component"} for a cloud property of a component. */
    private static Comparison.Operand.CloudProperty cloudProperty(String where, JsonNode compareTo) {
        JsonNode component = compareTo.path("component");
        boolean componentFits = component.isMissingNode() || component.isTextual() && !component.asText().isBlank();
        if (!compareTo.isObject() || compareTo.size() != (component.isMissingNode() ? 1 : 2)
                || !compareTo.path("cloudProperty").isTextual() || !componentFits) {
            throw RuleJson.bad(where + ".compareTo", "is {\"cloudProperty\": \"<name>\"}, with \"component\": "
                    + "\"<name>\" for a cloud property of a component");
        }
        return new Comparison.Operand.CloudProperty(compareTo.get("cloudProperty").asText(),
                component.isMissingNode() ? Optional.empty() : Optional.of(component.asText()));
    }

    private static Optional<Aggregation> aggregation(String where, JsonNode item) {
        return RuleJson.optionalText(item, "aggregation").map(name -> Aggregation.of(name).orElseThrow(
                () -> RuleJson.bad(where + ".aggregation", "'" + name + "' is not one of avg, min, max, sum, count")));
    }

    private static Connectivity connectivity(String where, JsonNode item) {
        return switch (RuleJson.optionalText(item, "connectivity").orElseThrow()) {
            case "connected" -> Connectivity.CONNECTED;
            case "disconnected" -> Connectivity.DISCONNECTED;
            default -> throw RuleJson.bad(where + ".connectivity", "is \"connected\" or \"disconnected\"");
        };
    }
}
