package org.opencentral.platform.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.security.RoleAssignment;

/**
 * Who is calling: a user or an API token, its role assignments and the {@link Grant}s they resolve to
 * (see {@link RoleCatalog#principal}).
 */
public record Principal(String id, Kind kind, List<RoleAssignment> roles, List<Grant> grants) {
    public enum Kind { USER, API_TOKEN }

    public Principal {
        roles = List.copyOf(roles);
        grants = List.copyOf(grants);
    }

    /** How audit entries name the principal: {@code user:<id>} or {@code apiToken:<id>}. */
    public String actor() {
        return (kind == Kind.USER ? "user:" : "apiToken:") + id;
    }

    /** Every permission held anywhere (application-wide or in some organization). */
    public Set<Permission> permissions() {
        Set<Permission> granted = EnumSet.noneOf(Permission.class);
        grants.forEach(g -> granted.addAll(g.permissions()));
        return granted;
    }

    /** FORBIDDEN unless the principal holds {@code permission} somewhere. */
    public void require(Permission permission) {
        if (!permissions().contains(permission)) {
            throw new DomainException(ErrorCode.FORBIDDEN, "the caller lacks the permission '"
                    + permission.label() + "' (" + permission.wireName() + ")");
        }
    }

    /** Whether an application-wide assignment grants {@code permission} (no organization restriction). */
    public boolean holdsEverywhere(Permission permission) {
        return grants.stream().anyMatch(g -> g.organization().isEmpty() && g.permissions().contains(permission));
    }

    @Override
    public String toString() {
        return "Principal[" + kind.name().toLowerCase(Locale.ROOT) + " " + id + "]";
    }
}
