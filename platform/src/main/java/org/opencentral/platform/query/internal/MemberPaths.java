package org.opencentral.platform.query.internal;

import java.util.List;
import java.util.Optional;
import org.opencentral.platform.query.CapabilityCatalog;
import org.opencentral.platform.query.CapabilityKind;
import org.opencentral.platform.query.ValueRef;
import org.opencentral.platform.query.ValueShape;
import org.opencentral.platform.query.ast.Expr;

/**
 * Resolves a dotted name against a template: {@code a.b…} is component {@code a} when the template
 * has one of that name (DTDL names in one interface are unique, so a name is never both), else
 * capability {@code a} of the root interface; the remaining parts are members of the capability's
 * object value, checked against its schema. Telemetry must resolve to a scalar: the store keeps
 * each member of an object as its own series, not the object.
 */
final class MemberPaths {
    private final String templateId;
    private final CapabilityCatalog catalog;

    MemberPaths(String templateId, CapabilityCatalog catalog) {
        this.templateId = templateId;
        this.catalog = catalog;
    }

    ValueRef.Capability resolve(Expr.Name name) {
        List<String> parts = name.parts();
        boolean inComponent = parts.size() > 1 && catalog.hasComponent(templateId, parts.get(0));
        Optional<String> component = inComponent ? Optional.of(parts.get(0)) : Optional.empty();
        int capabilityIndex = inComponent ? 1 : 0;
        String capability = parts.get(capabilityIndex);
        CapabilityKind kind = catalog.kindOf(templateId, component, capability);
        if (kind == CapabilityKind.UNKNOWN) {
            throw QueryErrors.at(name.position(), "unknown name '" + name.path() + "': template " + templateId
                    + " has no telemetry, property or cloud property of that name");
        }
        List<String> members = parts.subList(capabilityIndex + 1, parts.size());
        ValueShape shape = walk(name, catalog.shapeOf(templateId, component, capability),
                parts.subList(0, capabilityIndex + 1), members);
        ValueRef.Capability resolved = new ValueRef.Capability(component, capability, members, kind);
        if (kind == CapabilityKind.TELEMETRY) {
            requireScalarTelemetry(name, resolved.path(), shape);
        }
        return resolved;
    }

    /** The shape at the end of {@code members}, each checked against the shape before it. */
    private static ValueShape walk(Expr.Name name, ValueShape shape, List<String> prefix, List<String> members) {
        String path = String.join(".", prefix);
        for (String member : members) {
            String at = path;
            ValueShape next = switch (shape) {
                case ValueShape.Members object -> object.member(member).orElseThrow(() -> QueryErrors.at(name.position(),
                        "unknown member '" + member + "' of '" + at + "' (" + object.describe() + "): it has "
                                + String.join(", ", object.names())));
                case ValueShape.Scalar scalar -> throw QueryErrors.at(name.position(), "'" + at + "' is "
                        + scalar.describe() + " and has no member '" + member + "'");
                case ValueShape.Opaque opaque -> throw QueryErrors.at(name.position(), "'" + at + "' is "
                        + opaque.describe() + ": its parts cannot be named in a query");
            };
            path = at + "." + member;
            shape = next;
        }
        return shape;
    }

    /** Telemetry objects are stored member by member: a query names a scalar member. */
    private static void requireScalarTelemetry(Expr.Name name, String path, ValueShape shape) {
        switch (shape) {
            case ValueShape.Scalar scalar -> { }
            case ValueShape.Members object -> throw QueryErrors.at(name.position(), "'" + path + "' is "
                    + object.describe() + " telemetry; name one of its members: "
                    + String.join(", ", object.names().stream().map(m -> path + "." + m).toList()));
            case ValueShape.Opaque opaque -> throw QueryErrors.at(name.position(), "'" + path + "' is "
                    + opaque.describe() + " telemetry, which queries cannot read");
        }
    }
}
