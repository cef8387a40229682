package org.opencentral.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opencentral.core.DomainException;
import org.opencentral.core.Json;
import org.opencentral.core.export.Destination;
import org.opencentral.core.export.DestinationJson;
import org.opencentral.core.export.DestinationReference;
import org.opencentral.core.export.Export;
import org.opencentral.core.export.ExportJson;
import org.opencentral.core.export.ExportSource;
import org.opencentral.core.export.SecretSlots;
import org.opencentral.core.store.ExportStore;
import org.opencentral.core.store.Page;

/**
 * Data export definitions. A destination's configuration is its JSON with every secret sealed,
 * bound to {@code destination/{id}} and the secret's slot; an export's destinations are rows of
 * {@code data_export_targets} in their order.
 */
final class JdbcExportStore implements ExportStore {
    private static final String EXPORT_COLUMNS = "id, display_name, enabled, source, filter, enrichments";

    private final JdbcDatabase database;
    private final SecretSlots sealed;

    JdbcExportStore(JdbcDatabase database, SealedKeys keys) {
        this.database = database;
        this.sealed = new SecretSlots() {
            @Override
            public String write(String destinationId, String slot, String plaintext) {
                return keys.seal(plaintext, "destination/" + destinationId, slot);
            }

            @Override
            public String read(String destinationId, String slot, String written) {
                return keys.openSlot(written, "destination/" + destinationId, slot);
            }
        };
    }

    @Override
    public Optional<Export> findExport(String id) {
        return database.read(c -> {
            Optional<ExportRow> row = Jdbc.queryOne(c, "SELECT " + EXPORT_COLUMNS + " FROM data_exports WHERE id = ?",
                    JdbcExportStore::exportRow, id);
            return row.isEmpty() ? Optional.<Export>empty() : Optional.of(row.get().with(targets(c, List.of(id))));
        });
    }

    @Override
    public Page<Export> listExports(Optional<String> after, int limit) {
        checkLimit(limit);
        return database.read(c -> exports(c, Jdbc.query(c, "SELECT " + EXPORT_COLUMNS
                + " FROM data_exports WHERE id > ? ORDER BY id LIMIT ?", JdbcExportStore::exportRow,
                after.orElse(""), limit + 1), limit));
    }

    @Override
    public Page<Export> listExportsTo(String destinationId, Optional<String> after, int limit) {
        checkLimit(limit);
        return database.read(c -> exports(c, Jdbc.query(c, "SELECT " + EXPORT_COLUMNS + " FROM data_exports e "
                + "WHERE id > ? AND EXISTS (SELECT 1 FROM data_export_targets t WHERE t.export_id = e.id "
                + "AND t.destination_id = ?) ORDER BY id LIMIT ?", JdbcExportStore::exportRow, after.orElse(""),
                destinationId, limit + 1), limit));
    }

    @Override
    public boolean putExport(Export export) {
        return database.write(c -> {
            for (DestinationReference target : export.destinations()) {
                if (!Jdbc.exists(c, "SELECT 1 FROM data_export_destinations WHERE id = ?", target.id())) {
                    throw DomainException.badRequest("destination '" + target.id() + "' does not exist");
                }
            }
            boolean existed = Jdbc.exists(c, "SELECT 1 FROM data_exports WHERE id = ?", export.id());
            Jdbc.update(c, "INSERT INTO data_exports (" + EXPORT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, enabled = excluded.enabled, "
                    + "source = excluded.source, filter = excluded.filter, enrichments = excluded.enrichments",
                    export.id(), export.displayName(), export.enabled(), export.source().wireName(),
                    Jdbc.nullableText(export.filter()), ExportJson.enrichments(export.enrichments()).toString());
            Jdbc.update(c, "DELETE FROM data_export_targets WHERE export_id = ?", export.id());
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < export.destinations().size(); i++) {
                DestinationReference target = export.destinations().get(i);
                rows.add(new Object[] {export.id(), i, target.id(), Jdbc.nullableText(target.transform())});
            }
            Jdbc.batch(c, "INSERT INTO data_export_targets (export_id, position, destination_id, transform) "
                    + "VALUES (?, ?, ?, ?)", rows);
            return !existed;
        });
    }

    @Override
    public boolean deleteExport(String id) {
        return database.write(c -> Jdbc.update(c, "DELETE FROM data_exports WHERE id = ?", id)) > 0;
    }

    @Override
    public Optional<Destination> findDestination(String id) {
        return database.read(c -> Jdbc.queryOne(c, "SELECT id, config FROM data_export_destinations WHERE id = ?",
                this::destination, id));
    }

    @Override
    public Page<Destination> listDestinations(Optional<String> after, int limit) {
        checkLimit(limit);
        List<Destination> rows = database.read(c -> Jdbc.query(c, "SELECT id, config FROM data_export_destinations "
                + "WHERE id > ? ORDER BY id LIMIT ?", this::destination, after.orElse(""), limit + 1));
        return page(rows, limit, Destination::id);
    }

    @Override
    public boolean putDestination(Destination destination) {
        String config = DestinationJson.write(destination, sealed).toString();
        return database.write(c -> {
            boolean existed = Jdbc.exists(c, "SELECT 1 FROM data_export_destinations WHERE id = ?", destination.id());
            Jdbc.update(c, "INSERT INTO data_export_destinations (id, display_name, type, config) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, type = excluded.type, "
                    + "config = excluded.config", destination.id(), destination.displayName(), destination.type(),
                    config);
            return !existed;
        });
    }

    @Override
    public boolean deleteDestination(String id) {
        return database.write(c -> {
            List<String> users = Jdbc.query(c, "SELECT DISTINCT export_id FROM data_export_targets "
                    + "WHERE destination_id = ? ORDER BY export_id", row -> row.getString(1), id);
            if (!users.isEmpty()) {
                throw DomainException.conflict("destination '" + id + "' is used by export(s) "
                        + String.join(", ", users) + "; remove it from them first");
            }
            return Jdbc.update(c, "DELETE FROM data_export_destinations WHERE id = ?", id) > 0;
        });
    }

    private Destination destination(ResultSet row) throws SQLException {
        return DestinationJson.read(row.getString("id"), Json.parseObject(row.getString("config")), sealed);
    }

    /** An export row before its destinations are read. */
    private record ExportRow(String id, String displayName, boolean enabled, String source, Optional<String> filter,
            String enrichments) {
        Export with(Map<String, List<DestinationReference>> targets) {
            return new Export(id, displayName, enabled, ExportSource.of(source).orElseThrow(), filter,
                    ExportJson.enrichments(Json.parse(enrichments)), targets.getOrDefault(id, List.of()));
        }
    }

    private static ExportRow exportRow(ResultSet row) throws SQLException {
        return new ExportRow(row.getString("id"), row.getString("display_name"), row.getBoolean("enabled"),
                row.getString("source"), Optional.ofNullable(row.getString("filter")), row.getString("enrichments"));
    }

    private static Page<Export> exports(Connection c, List<ExportRow> rows, int limit) throws SQLException {
        List<ExportRow> kept = rows.size() > limit ? rows.subList(0, limit) : rows;
        Map<String, List<DestinationReference>> targets = targets(c, kept.stream().map(ExportRow::id).toList());
        return page(rows.stream().map(r -> r.with(targets)).toList(), limit, Export::id);
    }

    /** The destinations of the given exports, in each export's order. */
    private static Map<String, List<DestinationReference>> targets(Connection c, List<String> exportIds)
            throws SQLException {
        if (exportIds.isEmpty()) {
            return Map.of();
        }
        String marks = exportIds.stream().map(id -> "?").collect(Collectors.joining(", "));
        record Target(String export, DestinationReference reference) {
        }
        List<Target> rows = Jdbc.query(c, "SELECT export_id, destination_id, transform FROM data_export_targets "
                + "WHERE export_id IN (" + marks + ") ORDER BY export_id, position",
                row -> new Target(row.getString("export_id"), new DestinationReference(row.getString("destination_id"),
                        Optional.ofNullable(row.getString("transform")))), exportIds.toArray());
        return rows.stream().collect(Collectors.groupingBy(Target::export,
                Collectors.mapping(Target::reference, Collectors.toList())));
    }

    private static <T> Page<T> page(List<T> rows, int limit, Function<T, String> id) {
        if (rows.size() <= limit) {
            return new Page<>(rows, Optional.empty());
        }
        List<T> page = rows.subList(0, limit);
        return new Page<>(page, Optional.of(id.apply(page.get(limit - 1))));
    }

    private static void checkLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }
}
