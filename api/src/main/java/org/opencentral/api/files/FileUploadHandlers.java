package org.opencentral.api.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.opencentral.api.devices.DeviceJson;
import org.opencentral.api.http.ApiCall;
import org.opencentral.api.http.ETags;
import org.opencentral.core.DomainException;
import org.opencentral.core.Json;
import org.opencentral.core.JsonMergePatch;
import org.opencentral.core.file.FileUploadConfig;
import org.opencentral.platform.file.FileUploadStorage;
import org.opencentral.platform.file.StorageConnectionString;

/**
 * IoT Central's {@code /fileUploads}: the application's Azure Blob storage for device file uploads.
 * The connection string is write-only: answers carry it with the account key masked, and a PUT or
 * PATCH that sends that masked form back keeps the stored one. {@code state} is {@code succeeded}
 * once a configuration is stored (it is checked when written, so it is never pending); {@code account}
 * is the connection string's account. Without a configuration, GET is a 404 and devices upload to
 * the embedded store. Writes take an {@code If-Match} header or the body's {@code etag}.
 */
final class FileUploadHandlers {
    private final FileUploadStorage storage;

    FileUploadHandlers(FileUploadStorage storage) {
        this.storage = storage;
    }

    void get(ApiCall call) {
        call.json(200, toJson(current()));
    }

    void put(ApiCall call) throws IOException {
        ObjectNode body = call.bodyObject();
        Optional<FileUploadConfig> existing = storage.configuration();
        existing.ifPresent(c -> call.auditBefore(toJson(c)));
        answer(call, storage.configure(read(body, existing), precondition(call, body)));
    }

    void patch(ApiCall call) throws IOException {
        FileUploadConfig existing = current();
        ObjectNode before = toJson(existing);
        call.auditBefore(before);
        ObjectNode body = call.bodyObject();
        ObjectNode merged = (ObjectNode) JsonMergePatch.apply(before, body);
        answer(call, storage.configure(read(merged, Optional.of(existing)), precondition(call, body)));
    }

    void delete(ApiCall call) {
        call.auditBefore(toJson(current()));
        storage.remove(ETags.precondition(call.header("If-Match"), Optional.empty()).map(ETags::bare));
        call.noContent();
    }

    private FileUploadConfig current() {
        return storage.configuration().orElseThrow(() -> DomainException.notFound("file upload configuration"));
    }

    private static void answer(ApiCall call, FileUploadConfig config) {
        call.header("ETag", ETags.quoted(config.etag()));
        call.json(200, toJson(config));
    }

    private static Optional<String> precondition(ApiCall call, ObjectNode body) {
        return ETags.precondition(call.header("If-Match"), DeviceJson.etag(body)).map(ETags::bare);
    }

    static ObjectNode toJson(FileUploadConfig config) {
        StorageConnectionString connection = StorageConnectionString.parse(config.connectionString());
        ObjectNode json = Json.object();
        json.put("account", connection.accountName());
        json.put("connectionString", connection.masked());
        json.put("container", config.container());
        json.put("sasTtl", config.sasTtl().toString());
        json.put("state", "succeeded");
        json.put("readAccess", config.readAccess());
        json.put("etag", config.etag());
        return json;
    }

    /** The configuration {@code body} describes; a masked connection string keeps {@code existing}'s. */
    static FileUploadConfig read(ObjectNode body, Optional<FileUploadConfig> existing) {
        String connection = text(body, "connectionString").orElseThrow(() -> DomainException.badRequest(
                "connectionString is required"));
        if (existing.isPresent() && connection.equals(StorageConnectionString.parse(
                existing.get().connectionString()).masked())) {
            connection = existing.get().connectionString();
        }
        String account = StorageConnectionString.parse(connection).accountName();
        text(body, "account").filter(a -> !a.equals(account)).ifPresent(a -> {
            throw DomainException.badRequest("account " + a + " is not the connection string's account " + account);
        });
        String container = text(body, "container").orElseThrow(() -> DomainException.badRequest(
                "container is required"));
        Duration ttl = text(body, "sasTtl").map(FileUploadHandlers::duration).orElse(FileUploadStorage.DEFAULT_SAS_TTL);
        JsonNode readAccess = body.path("readAccess");
        if (!readAccess.isMissingNode() && !readAccess.isNull() && !readAccess.isBoolean()) {
            throw DomainException.badRequest("readAccess must be a boolean");
        }
        return new FileUploadConfig(connection, container, ttl, readAccess.asBoolean(false), "new");
    }

    private static Optional<String> text(ObjectNode body, String name) {
        JsonNode value = body.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw DomainException.badRequest(name + " must be a string");
        }
        return Optional.of(value.asText());
    }

    private static Duration duration(String text) {
        try {
            Duration duration = Duration.parse(text);
            if (duration.isNegative() || duration.isZero()) {
                throw DomainException.badRequest("sasTtl " + text + " is not a positive ISO 8601 duration");
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw DomainException.badRequest("sasTtl " + text + " is not an ISO 8601 duration (for example PT1H)");
        }
    }
}
