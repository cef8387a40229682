package org.opencentral.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.file.DeviceFile;
import org.opencentral.core.file.DeviceFileStore;
import org.opencentral.core.file.FileUploadConfig;

/**
 * Device file uploads in {@code device_files}, one row per correlation id; the device's foreign key
 * deletes them with it. The status is stored by its name. The application's one file-upload storage
 * configuration is the single row of {@code file_upload_config}, its connection string sealed
 * (owner {@code fileUploads}, slot {@code connectionString}).
 */
final class JdbcDeviceFileStore implements DeviceFileStore {
    private static final String COLUMNS = "correlation_id, device_id, blob_name, requested_at, status, size, "
            + "content_type, uploaded_at, container";
    private static final String CONFIG_OWNER = "fileUploads";
    private static final String CONNECTION_STRING = "connectionString";
    private static final String STORED = "status <> 'REQUESTED' AND uploaded_at IS NOT NULL";

    private final JdbcDatabase database;
    private final SealedKeys keys;

    JdbcDeviceFileStore(JdbcDatabase database, SealedKeys keys) {
        this.database = database;
        this.keys = keys;
    }

    @Override
    public boolean insert(DeviceFile file) {
        return database.write(c -> Jdbc.update(c, "INSERT INTO device_files (" + COLUMNS + ") SELECT ?, ?, ?, ?, ?, ?, "
                + "?, ?, ? WHERE EXISTS (SELECT 1 FROM devices WHERE id = ?)", file.correlationId(), file.device().value(),
                file.blobName(), file.requestedAt(), file.status().name(), file.size(),
                file.contentType().<Object>map(t -> t).orElse(SqlNull.TEXT),
                file.uploadedAt().<Object>map(t -> t).orElse(SqlNull.BIGINT),
                file.container().<Object>map(t -> t).orElse(SqlNull.TEXT), file.device().value()) == 1);
    }

    @Override
    public Optional<DeviceFile> find(String correlationId) {
        return database.read(c -> Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM device_files WHERE correlation_id = ?",
                JdbcDeviceFileStore::map, correlationId));
    }

    @Override
    public Optional<DeviceFile> pending(DeviceId device, String blobName) {
        return database.read(c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM device_files WHERE device_id = ? AND "
                + "blob_name = ? AND status = 'REQUESTED' ORDER BY requested_at DESC, correlation_id DESC LIMIT 1",
                JdbcDeviceFileStore::map, device.value(), blobName).stream().findFirst());
    }

    @Override
    public boolean uploaded(String correlationId, long size, Optional<String> contentType, Instant at) {
        return database.write(c -> Jdbc.update(c, "UPDATE device_files SET status = 'UPLOADED', size = ?, "
                + "content_type = ?, uploaded_at = ? WHERE correlation_id = ? AND status = 'REQUESTED'", size,
                contentType.<Object>map(t -> t).orElse(SqlNull.TEXT), at, correlationId) == 1);
    }

    @Override
    public boolean settle(String correlationId, DeviceFile.Status outcome) {
        if (outcome != DeviceFile.Status.COMPLETED && outcome != DeviceFile.Status.FAILED) {
            throw new IllegalArgumentException("an upload settles as COMPLETED or FAILED, not " + outcome);
        }
        String from = outcome == DeviceFile.Status.COMPLETED ? "status = 'UPLOADED'"
                : "status IN ('REQUESTED', 'UPLOADED')";
        return database.write(c -> Jdbc.update(c, "UPDATE device_files SET status = ? WHERE correlation_id = ? AND "
                + from, outcome.name(), correlationId) == 1);
    }

    @Override
    public long bytesStored(DeviceId device) {
        return database.read(c -> Jdbc.queryLong(c, "SELECT COALESCE(SUM(size), 0) FROM device_files WHERE "
                + "device_id = ? AND " + STORED, device.value()));
    }

    @Override
    public List<DeviceFile> stored(DeviceId device) {
        return database.read(c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM device_files WHERE device_id = ? AND "
                + STORED + " ORDER BY uploaded_at DESC, correlation_id", JdbcDeviceFileStore::map, device.value()));
    }

    @Override
    public Optional<FileUploadConfig> configuration() {
        return database.read(c -> Jdbc.queryOne(c, "SELECT connection_string, container, sas_ttl_seconds, read_access, "
                + "etag FROM file_upload_config WHERE id = 1", row -> new FileUploadConfig(
                        keys.openSlot(row.getString("connection_string"), CONFIG_OWNER, CONNECTION_STRING),
                        row.getString("container"), Duration.ofSeconds(row.getLong("sas_ttl_seconds")),
                        row.getBoolean("read_access"), row.getString("etag"))));
    }

    @Override
    public void configure(FileUploadConfig config) {
        database.write(c -> Jdbc.update(c, "INSERT INTO file_upload_config (id, connection_string, container, "
                + "sas_ttl_seconds, read_access, etag) VALUES (1, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                + "connection_string = excluded.connection_string, container = excluded.container, "
                + "sas_ttl_seconds = excluded.sas_ttl_seconds, read_access = excluded.read_access, etag = excluded.etag",
                keys.seal(config.connectionString(), CONFIG_OWNER, CONNECTION_STRING), config.container(),
                config.sasTtl().toSeconds(), config.readAccess(), config.etag()));
    }

    @Override
    public boolean removeConfiguration() {
        return database.write(c -> Jdbc.update(c, "DELETE FROM file_upload_config WHERE id = 1") == 1);
    }

    private static DeviceFile map(ResultSet row) throws SQLException {
        long uploaded = row.getLong("uploaded_at");
        Optional<Instant> uploadedAt = row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(uploaded));
        return new DeviceFile(row.getString("correlation_id"), DeviceId.of(row.getString("device_id")),
                row.getString("blob_name"), Instant.ofEpochMilli(row.getLong("requested_at")),
                DeviceFile.Status.valueOf(row.getString("status")), row.getLong("size"),
                Optional.ofNullable(row.getString("content_type")), uploadedAt,
                Optional.ofNullable(row.getString("container")));
    }
}
