package org.opencentral.platform.organization;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.security.RoleAssignment;
import org.opencentral.core.security.RoleKind;
import org.opencentral.platform.security.Grant;
import org.opencentral.platform.security.Permission;
import org.opencentral.platform.security.Principal;
import org.opencentral.platform.security.Role;
import org.opencentral.platform.security.RoleCatalog;

/**
 * Checks role assignments given to users and API tokens: at least one; each role exists; application
 * roles without an organization, organization roles with an existing one; and the grantor may only
 * grant roles whose permissions it holds itself where the assignment applies (403 otherwise).
 */
public final class AssignmentPolicy {
    private final RoleCatalog roles;
    private final OrganizationService organizations;

    public AssignmentPolicy(RoleCatalog roles, OrganizationService organizations) {
        this.roles = roles;
        this.organizations = organizations;
    }

    public void check(Principal grantor, List<RoleAssignment> assignments) {
        if (assignments.isEmpty()) {
            throw DomainException.badRequest("'roles' needs at least one role assignment");
        }
        OrganizationTree tree = organizations.tree();
        for (RoleAssignment assignment : assignments) {
            Role role = roles.find(assignment.role()).orElseThrow(() -> DomainException.badRequest(
                    "unknown role '" + assignment.role() + "'"));
            checkShape(assignment, role, tree);
            Set<Permission> missing = EnumSet.noneOf(Permission.class);
            missing.addAll(role.permissions());
            missing.removeAll(heldAt(grantor, assignment, tree));
            if (!missing.isEmpty()) {
                throw new DomainException(ErrorCode.FORBIDDEN, "the caller cannot grant role '" + role.displayName()
                        + "': it lacks " + missing.iterator().next().wireName() + " there");
            }
        }
    }

    private static void checkShape(RoleAssignment assignment, Role role, OrganizationTree tree) {
        if (role.kind() == RoleKind.APPLICATION && assignment.organization().isPresent()) {
            throw DomainException.badRequest("role '" + role.displayName()
                    + "' is an application role; assign it without an organization");
        }
        if (role.kind() == RoleKind.ORGANIZATION && assignment.organization().isEmpty()) {
            throw DomainException.badRequest("role '" + role.displayName()
                    + "' is an organization role; name the organization");
        }
        assignment.organization().filter(org -> !tree.contains(org)).ifPresent(org -> {
            throw DomainException.badRequest("organization '" + org + "' does not exist");
        });
    }

    /** What the grantor holds where the assignment applies (application-wide or the organization). */
    private static Set<Permission> heldAt(Principal grantor, RoleAssignment assignment, OrganizationTree tree) {
        Set<Permission> held = EnumSet.noneOf(Permission.class);
        for (Grant grant : grantor.grants()) {
            boolean applies = grant.organization().isEmpty() || assignment.organization()
                    .filter(org -> tree.isWithin(org, grant.organization().get())).isPresent();
            if (applies) {
                held.addAll(grant.permissions());
            }
        }
        return held;
    }
}
