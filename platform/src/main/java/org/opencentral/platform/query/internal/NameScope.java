package org.opencentral.platform.query.internal;

import java.util.Map;
import java.util.Optional;
import org.opencentral.platform.query.CapabilityCatalog;
import org.opencentral.platform.query.CapabilityKind;
import org.opencentral.platform.query.Column;
import org.opencentral.platform.query.ValueRef;
import org.opencentral.platform.query.ast.Expr;

/** Resolves names: aliases of select items (where allowed), then the template's capabilities. */
final class NameScope {
    private final String templateId;
    private final CapabilityCatalog catalog;
    private final Map<String, Column> aliases;
    private final MemberPaths paths;

    NameScope(String templateId, CapabilityCatalog catalog, Map<String, Column> aliases) {
        this.templateId = templateId;
        this.catalog = catalog;
        this.aliases = Map.copyOf(aliases);
        this.paths = new MemberPaths(templateId, catalog);
    }

    NameScope withAliases(Map<String, Column> newAliases) {
        return new NameScope(templateId, catalog, newAliases);
    }

    /** The select item a bare name stands for, when it is an alias. */
    Optional<Column> alias(Expr expr) {
        if (expr instanceof Expr.Name name && name.simple()) {
            return Optional.ofNullable(aliases.get(name.path()));
        }
        return Optional.empty();
    }

    /** Resolves an expression; in WHERE and ORDER BY, a bare name that is an alias means its item. */
    ValueRef resolve(Expr expr, boolean aliasesVisible) {
        if (aliasesVisible) {
            Optional<Column> aliased = alias(expr);
            if (aliased.isPresent()) {
                return aliased.get().value();
            }
        }
        return switch (expr) {
            case Expr.Name name -> capability(name);
            case Expr.Builtin builtin -> new ValueRef.Builtin(builtin.field());
            case Expr.Aggregate aggregate -> aggregate(aggregate);
        };
    }

    ValueRef.Capability capability(Expr.Name name) {
        return paths.resolve(name);
    }

    private ValueRef aggregate(Expr.Aggregate aggregate) {
        if (aggregate.argument().isEmpty()) {
            return new ValueRef.Aggregate(aggregate.function(), Optional.empty());
        }
        Expr.Name argument = aggregate.argument().get();
        ValueRef.Capability capability = capability(argument);
        if (capability.kind() != CapabilityKind.TELEMETRY) {
            throw QueryErrors.at(argument.position(), aggregate.function() + " needs telemetry, but '"
                    + capability.path() + "' is " + capability.kind().describe());
        }
        return new ValueRef.Aggregate(aggregate.function(), Optional.of(capability));
    }
}
