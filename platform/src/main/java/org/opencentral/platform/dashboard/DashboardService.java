package org.opencentral.platform.dashboard;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.dashboard.Dashboard;
import org.opencentral.core.dashboard.DashboardStore;
import org.opencentral.core.dashboard.Tile;
import org.opencentral.core.store.Page;
import org.opencentral.platform.organization.OrganizationService;

/**
 * Dashboards with IoT Central's two kinds of permission: an organization dashboard is read and
 * changed with the "Application dashboards" permissions within the caller's organizations; a
 * personal dashboard with the "Personal dashboards" ones, by its owner only (to everybody else it
 * does not exist). Tiles are checked against the document's tile configurations ({@link TileType}).
 */
public final class DashboardService {
    private final DashboardStore store;
    private final OrganizationService organizations;

    public DashboardService(DashboardStore store, OrganizationService organizations) {
        this.store = Objects.requireNonNull(store, "store");
        this.organizations = Objects.requireNonNull(organizations, "organizations");
    }

    /** A stored dashboard and whether storing it created it. */
    public record Saved(Dashboard dashboard, boolean created) {
    }

    /** The organization dashboards in the caller's view scope and its own personal ones, by id. */
    public Page<Dashboard> list(DashboardCaller caller, Optional<String> after, int limit) {
        Optional<Set<String>> orgs = caller.holds(DashboardAction.VIEW.organization())
                ? scoped(caller, DashboardAction.VIEW) : Optional.of(Set.of());
        Optional<String> owner = caller.holds(DashboardAction.VIEW.personal())
                ? Optional.of(caller.owner()) : Optional.empty();
        return store.list(orgs, owner, after, limit);
    }

    /** The dashboard; NOT_FOUND when it does not exist or the caller may not see it. */
    public Dashboard get(String id, DashboardCaller caller) {
        return find(id, caller).orElseThrow(() -> DomainException.notFound("dashboard '" + id + "'"));
    }

    public Optional<Dashboard> find(String id, DashboardCaller caller) {
        return store.find(id).filter(d -> visible(d, caller));
    }

    /** Creates or replaces a dashboard; {@code displayName} is required. */
    public Saved put(String id, DashboardChanges changes, Optional<String> precondition, DashboardCaller caller) {
        requireId(id);
        Optional<Dashboard> stored = store.find(id);
        if (stored.isPresent() && !visible(stored.get(), caller)) {
            throw DomainException.conflict("dashboard id '" + id + "' is taken");
        }
        boolean personal = stored.map(Dashboard::personal).orElse(changes.personal().orElse(false));
        changes.personal().filter(p -> p != personal).ifPresent(p -> {
            throw DomainException.badRequest("a dashboard cannot change between personal and organization");
        });
        Dashboard dashboard = new Dashboard(id,
                changes.displayName().orElseThrow(() -> DomainException.badRequest("displayName is required")),
                checked(changes.tiles().orElse(List.of())), changes.favorite().orElse(false),
                personal ? Optional.of(stored.flatMap(Dashboard::owner).orElse(caller.owner())) : Optional.empty(),
                "", organizationsOf(personal, changes, List.of()));
        requireAllowed(dashboard, DashboardAction.CREATE, caller);
        if (stored.isEmpty()) {
            if (precondition.filter(p -> !p.equals("*")).isPresent()) {
                throw new DomainException(ErrorCode.PRECONDITION_FAILED,
                        "dashboard '" + id + "' does not exist, so no etag can match");
            }
            return new Saved(store.insert(dashboard), true);
        }
        requireAllowed(stored.get(), DashboardAction.CREATE, caller);
        return new Saved(store.update(dashboard, expected(precondition, stored.get())), false);
    }

    /** Changes the members a PATCH names. */
    public Dashboard patch(String id, DashboardChanges changes, Optional<String> precondition, DashboardCaller caller) {
        Dashboard current = get(id, caller);
        requireAllowed(current, DashboardAction.UPDATE, caller);
        changes.personal().filter(p -> p != current.personal()).ifPresent(p -> {
            throw DomainException.badRequest("a dashboard cannot change between personal and organization");
        });
        Dashboard dashboard = new Dashboard(id, changes.displayName().orElse(current.displayName()),
                changes.tiles().map(this::checked).orElse(current.tiles()),
                changes.favorite().orElse(current.favorite()), current.owner(), "",
                organizationsOf(current.personal(), changes, current.organizations()));
        requireAllowed(dashboard, DashboardAction.UPDATE, caller);
        return store.update(dashboard, expected(precondition, current));
    }

    public void delete(String id, Optional<String> precondition, DashboardCaller caller) {
        Dashboard current = get(id, caller);
        requireAllowed(current, DashboardAction.DELETE, caller);
        precondition.filter(p -> !p.equals("*") && !p.equals(current.etag())).ifPresent(p -> {
            throw new DomainException(ErrorCode.PRECONDITION_FAILED, "the dashboard was changed since etag " + p);
        });
        store.delete(id);
    }

    /** Creates the application's default dashboard ({@link DefaultDashboard}) unless its id is taken. */
    public void createDefault() {
        if (store.find(DefaultDashboard.ID).isEmpty()) {
            store.insert(DefaultDashboard.dashboard());
        }
    }

    private static boolean visible(Dashboard dashboard, DashboardCaller caller) {
        if (dashboard.personal()) {
            return dashboard.owner().orElseThrow().equals(caller.owner())
                    && caller.holds(DashboardAction.VIEW.personal());
        }
        return caller.holds(DashboardAction.VIEW.organization())
                && caller.scope(DashboardAction.VIEW.organization()).covers(dashboard.organization());
    }

    private static void requireAllowed(Dashboard dashboard, DashboardAction action, DashboardCaller caller) {
        var permission = action.on(dashboard.personal());
        boolean allowed = dashboard.personal() ? caller.holds(permission)
                : caller.holds(permission) && caller.scope(permission).covers(dashboard.organization());
        if (!allowed) {
            throw new DomainException(ErrorCode.FORBIDDEN, "the caller lacks the permission '" + permission.label()
                    + "' (" + permission.wireName() + ")" + (dashboard.personal() ? ""
                    : dashboard.organization().map(o -> " in organization '" + o + "'").orElse(" application-wide")));
        }
    }

    /** The tiles, when each is a valid configuration of its type; BAD_REQUEST naming the first that is not. */
    public List<Tile> checked(List<Tile> tiles) {
        for (Tile tile : tiles) {
            TileType type = TileType.byWireName(tile.type()).orElseThrow(() -> DomainException.badRequest("tile '"
                    + tile.id() + "': unknown configuration type '" + tile.type() + "'; one of "
                    + TileType.wireNames()));
            List<String> problems = type.problems(tile.configuration());
            if (!problems.isEmpty()) {
                throw DomainException.badRequest("tile '" + tile.id() + "' (" + tile.type() + "): "
                        + String.join("; ", problems));
            }
        }
        return tiles;
    }

    private List<String> organizationsOf(boolean personal, DashboardChanges changes, List<String> current) {
        List<String> wanted = changes.organizations().orElse(current);
        if (personal && !wanted.isEmpty()) {
            throw DomainException.badRequest("a personal dashboard belongs to no organization");
        }
        if (wanted.size() > 1) {
            throw DomainException.badRequest("a dashboard belongs to at most one organization");
        }
        for (String org : wanted) {
            if (organizations.find(org).isEmpty()) {
                throw DomainException.badRequest("organization '" + org + "' does not exist");
            }
        }
        return wanted;
    }

    private static Optional<Set<String>> scoped(DashboardCaller caller, DashboardAction action) {
        var scope = caller.scope(action.organization());
        return scope.everywhere() ? Optional.empty() : Optional.of(scope.organizations());
    }

    private static String expected(Optional<String> precondition, Dashboard current) {
        return precondition.filter(p -> !p.equals("*")).orElse(current.etag());
    }

    private static void requireId(String id) {
        if (!Dashboard.ID.matcher(id).matches()) {
            throw DomainException.badRequest("invalid dashboard id '" + id + "': 1 to 128 letters, digits, ':' or ';'");
        }
    }
}
