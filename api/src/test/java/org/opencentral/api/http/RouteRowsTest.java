package org.opencentral.api.http;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencentral.platform.security.Permission;

/** Rows check their declarations when the table is built, so the installer never reads a path. */
class RouteRowsTest {
    private static final ApiHandler NOTHING = call -> { };

    @Test
    void aPermissionOnAPathNamingADeviceMustBeScopedToThatDevice() {
        assertThatThrownBy(() -> ApiRoute.of(GET, "/api/devices/{deviceId}/things",
                Access.requires(Permission.DEVICES_VIEW), NOTHING, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Access.onDevice");

        ApiRoute scoped = ApiRoute.of(GET, "/api/devices/{deviceId}/things", Access.onDevice(Permission.DEVICES_VIEW),
                NOTHING, true);
        assertThat(scoped.access()).isEqualTo(new Access.Requires(Permission.DEVICES_VIEW, Access.Scope.PATH_DEVICE));
    }

    @Test
    void aDeviceScopeNeedsADeviceInThePath() {
        assertThatThrownBy(() -> ApiRoute.of(GET, "/api/devices", Access.onDevice(Permission.DEVICES_VIEW), NOTHING,
                false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has none");
        assertThatThrownBy(() -> new StreamRoute("/api/live", Access.onDevice(Permission.DEVICES_VIEW), NOTHING,
                "live", Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRowChangesStateUnlessItsMethodReadsOrItDeclaresItselfARead() {
        assertThat(ApiRoute.of(POST, "/api/things", Access.authenticated(), NOTHING, true).changes()).isTrue();
        assertThat(ApiRoute.of(GET, "/api/things", Access.authenticated(), NOTHING, true).changes()).isFalse();
        assertThat(new ApiRoute(POST, "/api/search", Access.authenticated(), NOTHING, true, false).changes()).isFalse();
        assertThatThrownBy(() -> new ApiRoute(GET, "/api/things", Access.authenticated(), NOTHING, true, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot change state");
    }

    @Test
    void eachKindLivesWhereItBelongs() {
        assertThatThrownBy(() -> ApiRoute.of(GET, "/healthz", Access.anonymous(), NOTHING, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpsRoute("/api/healthz", ctx -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StaticRoute("/api", "/files", "no-cache"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new OpsRoute("/metrics", ctx -> { }).access()).isEqualTo(Access.anonymous());
        assertThat(new OpsRoute("/metrics", ctx -> { }).documented()).isFalse();
        assertThat(new StreamRoute("/api/live", Access.requires(Permission.DEVICES_VIEW), NOTHING, "live", Map.of())
                .documented()).isTrue();
    }
}
