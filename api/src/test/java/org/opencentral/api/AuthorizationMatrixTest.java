package org.opencentral.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.api.http.Access;
import org.opencentral.api.http.Route;
import org.opencentral.core.security.RoleKind;
import org.opencentral.platform.security.BuiltInRole;
import org.opencentral.platform.security.Permission;
import org.opencentral.platform.security.Principal;

/**
 * Every REST row of the route table (device templates and the live stream included) × every
 * built-in role, one custom role and one organization-scoped (signed-in) user. The expectation comes from one place: the route's {@link Access} and the
 * principal's resolved permissions. Allowed calls must not be 401/403; denied ones must be 403.
 */
@Timeout(120)
class AuthorizationMatrixTest extends ScenarioApiTest {
    Http anonymous;

    @BeforeEach
    void customRoleAndAnonymous() {
        platform.security.roles().put("device-reader", "Device reader", RoleKind.APPLICATION,
                Set.of(Permission.DEVICES_VIEW, Permission.USERS_VIEW));
        anonymous = new Http(platform.port, null);
    }

    private record Caller(String name, Principal principal, Supplier<Http> client) {
    }

    private List<Caller> callers() {
        List<Caller> callers = new ArrayList<>();
        for (BuiltInRole role : BuiltInRole.values()) {
            String name = "t-" + role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            boolean org = role.kind() == RoleKind.ORGANIZATION;
            String token = org ? platform.token(name, role.id(), "west") : platform.token(name, role.id());
            callers.add(new Caller(role.name(), platform.tokens.authenticate(token).principal().orElseThrow(),
                    () -> anonymous.as(token)));
        }
        String custom = platform.token("t-custom", "device-reader");
        callers.add(new Caller("custom", platform.tokens.authenticate(custom).principal().orElseThrow(),
                () -> anonymous.as(custom)));
        var user = platform.security.users().get("west-op");
        Http signedIn = Scenario.signIn(anonymous, Scenario.WEST_USER); // once: the matrix's failed sign-ins back off
        callers.add(new Caller("west user", platform.security.roles().principal(user.id(), Principal.Kind.USER,
                user.roles()), () -> signedIn));
        return callers;
    }

    static boolean expectedAllowed(Route route, Principal principal) {
        return switch (route.access()) {
            case Access.Anonymous a -> true;
            case Access.Authenticated a -> true;
            case Access.Requires r -> principal.permissions().contains(r.permission());
            case Access.RequiresAny r -> r.permissions().stream().anyMatch(principal.permissions()::contains);
        };
    }

    @Test
    void everyRouteGivesEveryPrincipalTheExpectedAnswer() {
        List<Route> table = platform.documentedRoutes();
        Map<String, Integer> denied = new LinkedHashMap<>();
        int calls = 0;
        for (Caller caller : callers()) {
            for (Route route : table) {
                if (route.path().equals("/api/auth/logout")) {
                    continue; // would end the signed-in user's session mid-matrix; covered in SecurityApiTest
                }
                Http.Reply reply = MatrixRequests.call(caller.client().get(), route, caller.name());
                boolean allowed = expectedAllowed(route, caller.principal());
                String what = caller.name() + " " + route.method() + " " + route.path() + " -> " + reply.status()
                        + " " + reply.text();
                if (route.access() instanceof Access.Anonymous) {
                    assertThat(reply.status()).as(what).isNotEqualTo(403); // sign-in with wrong credentials: 401
                } else if (allowed) {
                    assertThat(reply.status()).as(what).isNotIn(401, 403);
                } else {
                    assertThat(reply.status()).as(what).isEqualTo(403);
                    denied.merge(caller.name(), 1, Integer::sum);
                }
                calls++;
            }
        }
        assertThat(calls).isGreaterThan(300);
        assertThat(table).extracting(Route::path).contains("/api/live", "/api/live/jobs", "/api/devices/{deviceId}/telemetry",
                "/api/devices/{deviceId}/rawData", "/api/devices/{deviceId}/files",
                "/api/devices/{deviceId}/files/{fileId}", "/api/deviceTemplates/{deviceTemplateId}/model",
                "/api/deviceGroups", "/api/deviceGroups/{deviceGroupId}", "/api/deviceGroups/{deviceGroupId}/devices",
                "/api/jobs", "/api/jobs/{jobId}", "/api/jobs/{jobId}/devices", "/api/jobs/{jobId}/stop",
                "/api/jobs/{jobId}/resume", "/api/jobs/{jobId}/rerun/{rerunId}", "/api/scheduledJobs",
                "/api/scheduledJobs/{scheduledJobId}", "/api/scheduledJobs/{scheduledJobId}/jobs", "/api/dashboards",
                "/api/dashboards/{dashboardId}", "/api/fileUploads");
        assertThat(denied.get("ORG_VIEWER")).isGreaterThan(denied.getOrDefault("APP_OPERATOR", 0));
        assertThat(denied).doesNotContainKey("APP_ADMINISTRATOR");
    }

    @Test
    void spotChecksOfTheRoleDefinitions() {
        Map<String, Principal> p = new LinkedHashMap<>();
        callers().forEach(c -> p.put(c.name(), c.principal()));
        assertThat(p.get("APP_OPERATOR").permissions()).contains(Permission.DEVICES_CREATE)
                .doesNotContain(Permission.API_TOKENS_CREATE, Permission.USERS_ADD, Permission.AUDIT_LOG_VIEW);
        assertThat(p.get("APP_BUILDER").permissions()).contains(Permission.DEVICE_TEMPLATES_MANAGE)
                .doesNotContain(Permission.DATA_EXPORT_VIEW, Permission.API_TOKENS_VIEW, Permission.BILLING_MANAGE);
        assertThat(p.get("ORG_VIEWER").permissions()).contains(Permission.DEVICES_VIEW, Permission.DEVICE_TEMPLATES_VIEW)
                .doesNotContain(Permission.DEVICES_UPDATE);
        assertThat(p.get("ORG_OPERATOR").permissions()).contains(Permission.DEVICES_UPDATE)
                .doesNotContain(Permission.DEVICES_DELETE);
        assertThat(p.get("ORG_ADMINISTRATOR").permissions()).contains(Permission.USERS_ADD, Permission.CUSTOM_ROLES_VIEW)
                .doesNotContain(Permission.API_TOKENS_CREATE, Permission.BILLING_MANAGE);
        assertThat(p.get("custom").permissions()).contains(Permission.DEVICE_GROUPS_VIEW)
                .doesNotContain(Permission.DEVICES_VIEW_RAW_DATA);
        assertThat(p.get("ORG_VIEWER").permissions()).contains(Permission.DEVICES_VIEW_RAW_DATA);
        assertThat(p.get("APP_OPERATOR").permissions()).contains(Permission.DEVICE_GROUPS_VIEW,
                Permission.DEVICE_GROUPS_CREATE, Permission.DEVICE_GROUPS_UPDATE, Permission.DEVICE_GROUPS_DELETE);
        assertThat(p.get("APP_OPERATOR").permissions()).contains(Permission.JOBS_VIEW, Permission.JOBS_EXECUTE);
        assertThat(p.get("ORG_VIEWER").permissions()).doesNotContain(Permission.JOBS_VIEW, Permission.JOBS_EXECUTE);
        assertThat(p.get("APP_ADMINISTRATOR").permissions()).contains(Permission.FILE_UPLOAD_VIEW,
                Permission.FILE_UPLOAD_MANAGE);
        assertThat(p.get("APP_BUILDER").permissions()).doesNotContain(Permission.FILE_UPLOAD_VIEW,
                Permission.FILE_UPLOAD_MANAGE);
        assertThat(p.get("ORG_VIEWER").permissions()).contains(Permission.DEVICE_GROUPS_VIEW).doesNotContain(
                Permission.DEVICE_GROUPS_CREATE, Permission.DEVICE_GROUPS_UPDATE, Permission.DEVICE_GROUPS_DELETE);
    }
}
