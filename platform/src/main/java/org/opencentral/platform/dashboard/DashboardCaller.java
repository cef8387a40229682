package org.opencentral.platform.dashboard;

import java.util.Objects;
import java.util.function.Function;
import org.opencentral.platform.organization.AccessScope;
import org.opencentral.platform.security.Permission;
import org.opencentral.platform.security.Principal;

/**
 * Who asks for dashboards: the principal (a personal dashboard's owner is its {@code actor()}) and
 * where it holds each permission (organization dashboards lie in its scope).
 */
public record DashboardCaller(Principal principal, Function<Permission, AccessScope> scopes) {
    public DashboardCaller {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(scopes, "scopes");
    }

    public String owner() {
        return principal.actor();
    }

    public boolean holds(Permission permission) {
        return principal.permissions().contains(permission);
    }

    public AccessScope scope(Permission permission) {
        return scopes.apply(permission);
    }
}
