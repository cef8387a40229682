package org.opencentral.platform.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.security.RoleAssignment;

/** Who is calling: a user or an API token, with the permissions its roles grant. */
public record Principal(String id, Kind kind, List<RoleAssignment> roles) {
    public enum Kind { USER, API_TOKEN }

    public Principal {
        roles = List.copyOf(roles);
    }

    public Set<Permission> permissions() {
        Set<Permission> granted = EnumSet.noneOf(Permission.class);
        for (RoleAssignment assignment : roles) {
            BuiltInRole.byId(assignment.role()).ifPresent(role -> granted.addAll(role.permissions()));
        }
        return granted;
    }

    /** FORBIDDEN unless the principal holds {@code permission}. */
    public void require(Permission permission) {
        if (!permissions().contains(permission)) {
            throw new DomainException(ErrorCode.FORBIDDEN,
                    "the caller lacks the permission " + permission.name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
