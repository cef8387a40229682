package org.opencentral.platform.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.dashboard.Dashboard;
import org.opencentral.core.dashboard.Tile;
import org.opencentral.core.store.StateStore;
import org.opencentral.platform.organization.AccessScope;
import org.opencentral.platform.organization.OrganizationService;
import org.opencentral.platform.security.BuiltInRole;
import org.opencentral.platform.security.Grant;
import org.opencentral.platform.security.Principal;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;

/** The default dashboard of a new application, over a real SQLite state store. */
class DashboardServiceTest {
    @TempDir
    Path dir;
    StateStore state;
    DashboardService dashboards;
    final DashboardCaller admin = new DashboardCaller(new Principal("admin", Principal.Kind.USER, List.of(),
            List.of(new Grant(Optional.empty(), BuiltInRole.APP_ADMINISTRATOR.permissions()))),
            p -> new AccessScope(true, Set.of()));

    @BeforeEach
    void open() {
        state = SqliteStateStore.open(dir.resolve("state.db"), AesGcmSecretCipher.random());
        dashboards = new DashboardService(state.dashboards(), new OrganizationService(state.organizations(),
                state.devices(), state.users(), state.apiTokens()));
    }

    @AfterEach
    void close() {
        state.close();
    }

    @Test
    void aNewApplicationGetsAnOverviewOfDevicesConnectionsMessagesAndTelemetryIssuesOnce() {
        dashboards.createDefault();
        Dashboard overview = dashboards.get(DefaultDashboard.ID, admin);
        assertThat(overview.tiles()).extracting(Tile::type)
                .containsExactly("deviceCount", "deviceCount", "messageRate", "telemetryIssues");
        assertThat(overview.tiles().get(1).configuration().path("connected").asBoolean()).isTrue();
        assertThat(overview.personal()).isFalse();

        Dashboard renamed = dashboards.patch(DefaultDashboard.ID, new DashboardChanges(Optional.of("Mine"),
                Optional.of(overview.tiles()), Optional.empty(), Optional.empty(), Optional.empty()),
                Optional.empty(), admin);
        dashboards.createDefault();
        assertThat(dashboards.get(DefaultDashboard.ID, admin)).isEqualTo(renamed);
        assertThat(dashboards.list(admin, Optional.empty(), 10).items()).hasSize(1);
    }
}
