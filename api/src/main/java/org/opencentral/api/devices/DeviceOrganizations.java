package org.opencentral.api.devices;

import java.util.Optional;
import org.opencentral.api.http.ApiCall;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.platform.device.DeviceChanges;
import org.opencentral.platform.organization.AccessScope;
import org.opencentral.platform.organization.OrganizationService;
import org.opencentral.platform.security.Permission;

/**
 * Which organization a created or changed device lands in: the one named must exist (400) and lie
 * in the caller's scope (403); a scoped caller that names none puts the device in its own (first)
 * organization.
 */
final class DeviceOrganizations {
    private final OrganizationService organizations;

    DeviceOrganizations(OrganizationService organizations) {
        this.organizations = organizations;
    }

    DeviceChanges resolve(ApiCall call, DeviceChanges changes, Permission permission, boolean creating) {
        AccessScope scope = call.scope(permission);
        Optional<String> wanted = changes.organization();
        if (wanted.isEmpty()) {
            if (!creating || scope.everywhere()) {
                return changes;
            }
            wanted = call.principal().grants().stream().filter(g -> g.permissions().contains(permission))
                    .flatMap(g -> g.organization().stream()).findFirst();
        }
        String org = wanted.orElseThrow();
        if (organizations.find(org).isEmpty()) {
            throw DomainException.badRequest("organization '" + org + "' does not exist");
        }
        if (!scope.covers(Optional.of(org))) {
            throw new DomainException(ErrorCode.FORBIDDEN, "the caller cannot place devices in organization '"
                    + org + "'");
        }
        return changes.withOrganization(org);
    }
}
