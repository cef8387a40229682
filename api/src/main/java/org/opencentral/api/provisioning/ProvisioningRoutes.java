package org.opencentral.api.provisioning;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.PATCH;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;
import static org.opencentral.platform.security.Permission.CONNECTIVITY_MANAGE_GLOBAL;
import static org.opencentral.platform.security.Permission.CONNECTIVITY_MANAGE_INSTANCE;
import static org.opencentral.platform.security.Permission.CONNECTIVITY_READ_GLOBAL;
import static org.opencentral.platform.security.Permission.CONNECTIVITY_READ_INSTANCE;

import io.javalin.http.HandlerType;
import java.util.List;
import org.opencentral.api.http.Access;
import org.opencentral.api.http.ApiHandler;
import org.opencentral.api.http.ApiRoute;
import org.opencentral.platform.security.Permission;

/**
 * The provisioning rows of the route table. Enrollment groups need the application-wide device
 * connectivity permissions, a device's attestation the per-device ones.
 */
public final class ProvisioningRoutes {
    private static final String GROUP = "/api/enrollmentGroups/{enrollmentGroupId}";
    private static final String CERTIFICATE = GROUP + "/certificates/{entry}";
    private static final String ATTESTATION = "/api/devices/{deviceId}/attestation";

    private ProvisioningRoutes() {
    }

    public static List<ApiRoute> table(ProvisioningServices s) {
        var groups = new EnrollmentGroupHandlers(s.groups(), s.certificates());
        var attestations = new AttestationHandlers(s.attestations());
        return List.of(
                route(GET, "/api/enrollmentGroups", CONNECTIVITY_READ_GLOBAL, groups::list),
                route(GET, GROUP, CONNECTIVITY_READ_GLOBAL, groups::get),
                route(PUT, GROUP, CONNECTIVITY_MANAGE_GLOBAL, groups::put),
                route(PATCH, GROUP, CONNECTIVITY_MANAGE_GLOBAL, groups::patch),
                route(DELETE, GROUP, CONNECTIVITY_MANAGE_GLOBAL, groups::delete),
                route(GET, CERTIFICATE, CONNECTIVITY_READ_GLOBAL, groups::getCertificate),
                route(PUT, CERTIFICATE, CONNECTIVITY_MANAGE_GLOBAL, groups::putCertificate),
                route(DELETE, CERTIFICATE, CONNECTIVITY_MANAGE_GLOBAL, groups::deleteCertificate),
                route(POST, CERTIFICATE + "/generateVerificationCode", CONNECTIVITY_MANAGE_GLOBAL,
                        groups::generateVerificationCode),
                route(POST, CERTIFICATE + "/verify", CONNECTIVITY_MANAGE_GLOBAL, groups::verify),
                device(GET, ATTESTATION, CONNECTIVITY_READ_INSTANCE, attestations::get),
                device(PUT, ATTESTATION, CONNECTIVITY_MANAGE_INSTANCE, attestations::put),
                device(PATCH, ATTESTATION, CONNECTIVITY_MANAGE_INSTANCE, attestations::put),
                device(DELETE, ATTESTATION, CONNECTIVITY_MANAGE_INSTANCE, attestations::delete));
    }

    private static ApiRoute route(HandlerType method, String path, Permission permission, ApiHandler handler) {
        return ApiRoute.of(method, path, Access.requires(permission), handler, false);
    }

    private static ApiRoute device(HandlerType method, String path, Permission permission, ApiHandler handler) {
        return ApiRoute.of(method, path, Access.onDevice(permission), handler, false);
    }
}
