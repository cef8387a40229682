package org.opencentral.platform.organization;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opencentral.platform.security.Grant;
import org.opencentral.platform.security.Permission;
import org.opencentral.platform.security.Principal;

/**
 * Where a principal may exercise one permission: everywhere (an application-wide grant), or in the
 * subtrees of the organizations whose grants hold it. Devices of the root organization are
 * visible only to application-wide grants.
 */
public record AccessScope(boolean everywhere, Set<String> organizations) {
    public AccessScope {
        organizations = Set.copyOf(organizations);
    }

    public static AccessScope of(Principal principal, Permission permission, OrganizationTree tree) {
        if (principal.holdsEverywhere(permission)) {
            return new AccessScope(true, Set.of());
        }
        List<String> roots = principal.grants().stream().filter(g -> g.permissions().contains(permission))
                .map(Grant::organization).flatMap(Optional::stream).toList();
        return new AccessScope(false, tree.subtrees(roots));
    }

    /** Whether something of {@code organization} (empty: the root) lies in this scope. */
    public boolean covers(Optional<String> organization) {
        return everywhere || organization.filter(organizations::contains).isPresent();
    }
}
