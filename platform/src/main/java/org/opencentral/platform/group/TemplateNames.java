package org.opencentral.platform.group;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.opencentral.platform.query.CapabilityCatalog;
import org.opencentral.platform.query.QueryException;
import org.opencentral.platform.query.ast.ComparisonOperator;
import org.opencentral.platform.query.ast.WhereCondition;
import org.opencentral.platform.query.ast.Expr;
import org.opencentral.platform.query.ast.QueryLiteral;
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

    void check(WhereCondition where) {
        Optional<WhereCondition.Comparison> named = conjuncts(where).filter(TemplateNames::isTemplateEquality)
                .map(WhereCondition.Comparison.class::cast).findFirst();
        if (named.isEmpty()) {
            return;
        }
        String template = ((QueryLiteral.Str) named.get().right()).value();
        if (!catalog.templateExists(template)) {
            throw new QueryException(named.get().position(), "device template '" + template + "' does not exist");
        }
        check(where, template);
    }

    /** Checks that every property name of the condition is a property or cloud property of {@code template}. */
    void check(WhereCondition where, String template) {
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

    private static boolean isTemplateEquality(WhereCondition condition) {
        return condition instanceof WhereCondition.Comparison c && c.operator() == ComparisonOperator.EQ
                && c.left() instanceof Expr.Builtin b && b.field() == SystemField.TEMPLATE
                && c.right() instanceof QueryLiteral.Str;
    }

    private static Stream<WhereCondition> conjuncts(WhereCondition condition) {
        return condition instanceof WhereCondition.And and ? and.operands().stream().flatMap(TemplateNames::conjuncts)
                : Stream.of(condition);
    }

    private static Stream<Expr.Name> names(WhereCondition condition) {
        return switch (condition) {
            case WhereCondition.And and -> and.operands().stream().flatMap(TemplateNames::names);
            case WhereCondition.Or or -> or.operands().stream().flatMap(TemplateNames::names);
            case WhereCondition.Not not -> names(not.operand());
            case WhereCondition.Comparison c -> name(c.left());
            case WhereCondition.In in -> name(in.left());
            case WhereCondition.TextMatch m -> name(m.target());
            case WhereCondition.WithinWindow w -> Stream.empty();
        };
    }

    private static Stream<Expr.Name> name(Expr expr) {
        return expr instanceof Expr.Name name ? Stream.of(name) : Stream.empty();
    }
}
