package org.opencentral.platform.group;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.opencentral.platform.query.CapabilityCatalog;
import org.opencentral.platform.query.QueryException;
import org.opencentral.platform.query.ast.ComparisonOperator;
import org.opencentral.platform.query.ast.Condition;
import org.opencentral.platform.query.ast.Expr;
import org.opencentral.platform.query.ast.Literal;
import org.opencentral.platform.query.ast.SystemField;

/**
 * Checks the property names of a device group filter against the template its top-level
 * conditions name ({@code $template = "…"} joined to the rest by AND): the template must exist, and
 * each name must be a property or cloud property of it ({@code component.name} when the template has
 * that component; further parts are members). A filter that names no template is not checked.
 */
final class TemplateNames {
    private final CapabilityCatalog catalog;

    TemplateNames(CapabilityCatalog catalog) {
        this.catalog = catalog;
    }

    void check(Condition where) {
        Optional<Condition.Comparison> named = conjuncts(where).filter(TemplateNames::isTemplateEquality)
                .map(Condition.Comparison.class::cast).findFirst();
        if (named.isEmpty()) {
            return;
        }
        String template = ((Literal.Str) named.get().right()).value();
        if (!catalog.templateExists(template)) {
            throw new QueryException(named.get().position(), "device template '" + template + "' does not exist");
        }
        names(where).forEach(name -> checkName(name, template));
    }

    private void checkName(Expr.Name name, String template) {
        List<String> parts = name.parts();
        Optional<String> component = parts.size() > 1 && catalog.hasComponent(template, parts.get(0))
                ? Optional.of(parts.get(0)) : Optional.empty();
        String capability = parts.get(component.isPresent() ? 1 : 0);
        switch (catalog.kindOf(template, component, capability)) {
            case PROPERTY, CLOUD_PROPERTY -> {
            }
            case TELEMETRY -> throw new QueryException(name.position(), "'" + name.path() + "' is telemetry of "
                    + template + "; a device group filter compares properties and cloud properties");
            case UNKNOWN -> throw new QueryException(name.position(), "'" + name.path()
                    + "' is not a property or cloud property of " + template);
        }
    }

    private static boolean isTemplateEquality(Condition condition) {
        return condition instanceof Condition.Comparison c && c.operator() == ComparisonOperator.EQ
                && c.left() instanceof Expr.Builtin b && b.field() == SystemField.TEMPLATE
                && c.right() instanceof Literal.Str;
    }

    private static Stream<Condition> conjuncts(Condition condition) {
        return condition instanceof Condition.And and ? and.operands().stream().flatMap(TemplateNames::conjuncts)
                : Stream.of(condition);
    }

    private static Stream<Expr.Name> names(Condition condition) {
        return switch (condition) {
            case Condition.And and -> and.operands().stream().flatMap(TemplateNames::names);
            case Condition.Or or -> or.operands().stream().flatMap(TemplateNames::names);
            case Condition.Not not -> names(not.operand());
            case Condition.Comparison c -> name(c.left());
            case Condition.In in -> name(in.left());
            case Condition.TextMatch m -> name(m.target());
            case Condition.WithinWindow w -> Stream.empty();
        };
    }

    private static Stream<Expr.Name> name(Expr expr) {
        return expr instanceof Expr.Name name ? Stream.of(name) : Stream.empty();
    }
}
