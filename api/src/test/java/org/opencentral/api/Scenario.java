package org.opencentral.api;

import java.util.Optional;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.security.Organization;
import org.opencentral.core.security.RoleAssignment;
import org.opencentral.platform.device.DeviceChanges;
import org.opencentral.platform.security.BuiltInRole;

/**
 * A small application for security tests: organizations west (with child seattle) and east, a
 * device in each of seattle, east and the root, and a user who is Org Operator in west.
 */
final class Scenario {
    static final String PASSWORD = "correct horse battery staple";
    static final String WEST_USER = "west-op@example.com";

    private Scenario() {
    }

    static void build(TestPlatform platform) {
        var orgs = platform.security.organizations();
        orgs.put(new Organization("west", "West", Optional.empty()));
        orgs.put(new Organization("seattle", "Seattle", Optional.of("west")));
        orgs.put(new Organization("east", "East", Optional.empty()));
        device(platform, "dev-west", "seattle");
        device(platform, "dev-east", "east");
        platform.devices.create(DeviceId.of("dev-root"), DeviceChanges.NONE);
        platform.security.users().put("west-op", WEST_USER, Optional.of(PASSWORD),
                java.util.List.of(new RoleAssignment(BuiltInRole.ORG_OPERATOR.id(), Optional.of("west"))));
    }

    static void device(TestPlatform platform, String id, String org) {
        platform.devices.create(DeviceId.of(id), new DeviceChanges(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(org)));
    }

    /** Signs in through the API and returns a client that sends the session cookie and CSRF header. */
    static Http signIn(Http anonymous, String email) {
        Http.Reply login = anonymous.as(null).post("/api/auth/login?" + Http.V,
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        if (login.status() != 200) {
            throw new IllegalStateException("sign-in failed: " + login.text());
        }
        String cookie = login.response().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("oc_session=")).findFirst().orElseThrow().split(";")[0];
        return anonymous.as(null).with("Cookie", cookie)
                .with("X-CSRF-Token", login.json().path("csrfToken").asText());
    }
}
