package org.opencentral.store.jdbc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.core.store.Page;
import org.opencentral.core.store.TemplateStore;
import org.opencentral.core.template.DeviceTemplate;

/**
 * Device templates; the capability model is kept as JSON text byte for byte. Deleting checks, in
 * the same transaction, that no device is assigned to the template.
 */
final class JdbcTemplateStore implements TemplateStore {
    private static final String COLUMNS = "id, model_id, types, display_name, description, capability_model, etag, "
            + "created_at";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM device_templates";

    private final JdbcDatabase database;

    JdbcTemplateStore(JdbcDatabase database) {
        this.database = database;
    }

    @Override
    public Optional<DeviceTemplate> find(String id) {
        return database.read(c -> find(c, id));
    }

    @Override
    public Optional<DeviceTemplate> findByModelId(String modelId) {
        return database.read(c -> Jdbc.query(c, SELECT + " WHERE model_id = ? ORDER BY created_at, id LIMIT 1",
                JdbcTemplateStore::map, modelId).stream().findFirst());
    }

    @Override
    public DeviceTemplate insert(DeviceTemplate template) {
        String etag = template.etag().isBlank() ? Etags.fresh() : template.etag();
        return database.write(c -> {
            int inserted = Jdbc.update(c, "INSERT INTO device_templates (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", template.id(), template.modelId(),
                    types(template.types()), template.displayName(), Jdbc.nullableText(template.description()),
                    template.capabilityModel().toString(), etag, template.createdAt());
            if (inserted == 0) {
                throw DomainException.conflict("device template '" + template.id() + "' already exists");
            }
            return find(c, template.id()).orElseThrow();
        });
    }

    @Override
    public DeviceTemplate update(DeviceTemplate template, String expectedEtag) {
        Objects.requireNonNull(expectedEtag, "expectedEtag");
        String etag = template.etag().equals(expectedEtag) || template.etag().isBlank() ? Etags.fresh()
                : template.etag();
        return database.write(c -> {
            int updated = Jdbc.update(c, "UPDATE device_templates SET model_id = ?, types = ?, display_name = ?, "
                    + "description = ?, capability_model = ?, etag = ? WHERE id = ? AND etag = ?", template.modelId(),
                    types(template.types()), template.displayName(), Jdbc.nullableText(template.description()),
                    template.capabilityModel().toString(), etag, template.id(), expectedEtag);
            if (updated == 0) {
                find(c, template.id()).orElseThrow(() -> DomainException.notFound(
                        "device template '" + template.id() + "'"));
                throw new DomainException(ErrorCode.PRECONDITION_FAILED,
                        "device template '" + template.id() + "' was changed by someone else (etag mismatch)");
            }
            return find(c, template.id()).orElseThrow();
        });
    }

    @Override
    public boolean delete(String id) {
        return database.write(c -> {
            if (Jdbc.exists(c, "SELECT 1 FROM devices WHERE template = ? LIMIT 1", id)) {
                throw DomainException.conflict("device template '" + id + "' is in use by devices; "
                        + "migrate them to another template first");
            }
            return Jdbc.update(c, "DELETE FROM device_templates WHERE id = ?", id) > 0;
        });
    }

    @Override
    public Page<DeviceTemplate> list(Optional<String> afterId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        List<DeviceTemplate> rows = database.read(c -> Jdbc.query(c, SELECT + " WHERE id > ? ORDER BY id LIMIT ?",
                JdbcTemplateStore::map, afterId.orElse(""), limit + 1));
        if (rows.size() <= limit) {
            return new Page<>(rows, Optional.empty());
        }
        List<DeviceTemplate> page = new ArrayList<>(rows.subList(0, limit));
        return new Page<>(page, Optional.of(page.getLast().id()));
    }

    @Override
    public long deviceCount(String id) {
        return database.read(c -> Jdbc.queryLong(c, "SELECT count(*) FROM devices WHERE template = ?", id));
    }

    private static Optional<DeviceTemplate> find(Connection c, String id) throws SQLException {
        return Jdbc.queryOne(c, SELECT + " WHERE id = ?", JdbcTemplateStore::map, id);
    }

    private static String types(List<String> types) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        types.forEach(array::add);
        return array.toString();
    }

    private static DeviceTemplate map(ResultSet row) throws SQLException {
        List<String> types = new ArrayList<>();
        Json.parse(row.getString("types")).forEach(t -> types.add(t.asText()));
        return new DeviceTemplate(row.getString("id"), types, row.getString("display_name"),
                Optional.ofNullable(row.getString("description")), Json.parseObject(row.getString("capability_model")),
                row.getString("etag"), Jdbc.instant(row, "created_at"));
    }
}
