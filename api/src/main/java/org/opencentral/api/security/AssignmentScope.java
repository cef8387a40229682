package org.opencentral.api.security;

import java.util.List;
import org.opencentral.api.http.ApiCall;
import org.opencentral.core.security.RoleAssignment;
import org.opencentral.platform.organization.AccessScope;
import org.opencentral.platform.security.Permission;

/** Whether a user's or token's assignments lie wholly in the caller's scope (else it is hidden: 404). */
final class AssignmentScope {
    private AssignmentScope() {
    }

    static boolean visible(ApiCall call, Permission permission, List<RoleAssignment> roles) {
        AccessScope scope = call.scope(permission);
        return scope.everywhere() || roles.stream().allMatch(r -> scope.covers(r.organization()));
    }
}
