package org.opencentral.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.core.dashboard.Dashboard;
import org.opencentral.core.dashboard.DashboardStore;
import org.opencentral.core.dashboard.Tile;
import org.opencentral.core.store.Page;

/**
 * Dashboards in one table; tiles as a JSON array. A listing walks the primary key from the cursor
 * over the organization dashboards of the scope and the caller's own personal dashboards.
 */
final class JdbcDashboardStore implements DashboardStore {
    private static final String COLUMNS = "id, display_name, tiles, favorite, owner, etag, organization";

    private final JdbcDatabase database;
    private final Clock clock;

    JdbcDashboardStore(JdbcDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Optional<Dashboard> find(String id) {
        return database.read(c -> Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM dashboards WHERE id = ?",
                JdbcDashboardStore::map, id));
    }

    @Override
    public Page<Dashboard> list(Optional<Set<String>> organizations, Optional<String> owner, Optional<String> after,
            int limit) {
        KeysetPages.requirePositive(limit);
        List<Object> parameters = new ArrayList<>(List.of(after.orElse("")));
        List<String> visible = new ArrayList<>();
        if (organizations.filter(Set::isEmpty).isEmpty()) {
            visible.add("(owner IS NULL" + KeysetPages.organizationIn(organizations, parameters) + ")");
        }
        owner.ifPresent(o -> {
            visible.add("owner = ?");
            parameters.add(o);
        });
        if (visible.isEmpty()) {
            return new Page<>(List.of(), Optional.empty());
        }
        parameters.add(limit + 1);
        List<Dashboard> rows = database.read(c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM dashboards WHERE id > ? "
                + "AND (" + String.join(" OR ", visible) + ") ORDER BY id LIMIT ?", JdbcDashboardStore::map,
                parameters.toArray()));
        return KeysetPages.page(rows, limit, Dashboard::id);
    }

    @Override
    public Dashboard insert(Dashboard dashboard) {
        Dashboard stored = dashboard.withEtag(Etags.fresh());
        return database.write(c -> {
            int inserted = Jdbc.update(c, "INSERT INTO dashboards (" + COLUMNS + ", created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", stored.id(), stored.displayName(),
                    tiles(stored), stored.favorite(), Jdbc.nullableText(stored.owner()), stored.etag(),
                    Jdbc.nullableText(stored.organization()), clock.millis());
            if (inserted == 0) {
                throw DomainException.conflict("dashboard '" + dashboard.id() + "' already exists");
            }
            return stored;
        });
    }

    @Override
    public Dashboard update(Dashboard dashboard, String expectedEtag) {
        Objects.requireNonNull(expectedEtag, "expectedEtag");
        Dashboard stored = dashboard.withEtag(Etags.fresh());
        return database.write(c -> {
            int updated = Jdbc.update(c, "UPDATE dashboards SET display_name = ?, tiles = ?, favorite = ?, owner = ?, "
                    + "etag = ?, organization = ? WHERE id = ? AND etag = ?", stored.displayName(), tiles(stored),
                    stored.favorite(), Jdbc.nullableText(stored.owner()), stored.etag(),
                    Jdbc.nullableText(stored.organization()), stored.id(), expectedEtag);
            if (updated == 0) {
                if (!Jdbc.exists(c, "SELECT 1 FROM dashboards WHERE id = ?", dashboard.id())) {
                    throw DomainException.notFound("dashboard '" + dashboard.id() + "'");
                }
                throw new DomainException(ErrorCode.PRECONDITION_FAILED,
                        "dashboard '" + dashboard.id() + "' was changed by someone else (etag mismatch)");
            }
            return stored;
        });
    }

    @Override
    public boolean delete(String id) {
        return database.write(c -> Jdbc.update(c, "DELETE FROM dashboards WHERE id = ?", id)) > 0;
    }

    private static String tiles(Dashboard dashboard) {
        ArrayNode tiles = Json.MAPPER.createArrayNode();
        dashboard.tiles().forEach(tile -> tiles.add(tile.toJson()));
        return tiles.toString();
    }

    private static Dashboard map(ResultSet row) throws SQLException {
        List<Tile> tiles = new ArrayList<>();
        for (JsonNode tile : Json.parse(row.getString("tiles"))) {
            tiles.add(Tile.fromJson(tile));
        }
        Optional<String> organization = Optional.ofNullable(row.getString("organization"));
        return new Dashboard(row.getString("id"), row.getString("display_name"), tiles, row.getBoolean("favorite"),
                Optional.ofNullable(row.getString("owner")), row.getString("etag"),
                organization.map(List::of).orElse(List.of()));
    }
}
