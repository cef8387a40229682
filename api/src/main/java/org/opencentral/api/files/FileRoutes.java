package org.opencentral.api.files;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.PATCH;
import static io.javalin.http.HandlerType.PUT;
import static org.opencentral.platform.security.Permission.DEVICES_VIEW_FILES;
import static org.opencentral.platform.security.Permission.FILE_UPLOAD_MANAGE;
import static org.opencentral.platform.security.Permission.FILE_UPLOAD_VIEW;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.opencentral.api.http.Access;
import org.opencentral.api.http.ApiCall;
import org.opencentral.api.http.ApiRoute;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.file.DeviceFile;
import org.opencentral.platform.device.DeviceRegistry;
import org.opencentral.platform.file.FileUploads;

/**
 * IoT Central's {@code /api/fileUploads} (the storage devices upload to; its "Device file upload"
 * permissions: view to read, manage to change), and OpenCentral extensions over a device's uploaded files, with IoT Central's "view uploaded device
 * files" permission on the device (outside the caller's organizations: 404):
 * {@code GET /api/devices/{deviceId}/files} lists the stored files, newest first;
 * {@code GET /api/devices/{deviceId}/files/{fileId}} streams one as an attachment named by the file
 * name's last segment.
 */
public final class FileRoutes {
    static final String FILES = "/api/devices/{deviceId}/files";
    static final String FILE_ID = "fileId";
    static final String FILE_UPLOADS = "/api/fileUploads";

    private final DeviceRegistry devices;
    private final FileUploads uploads;

    private FileRoutes(DeviceRegistry devices, FileUploads uploads) {
        this.devices = devices;
        this.uploads = uploads;
    }

    public static List<ApiRoute> table(DeviceRegistry devices, FileUploads uploads) {
        var routes = new FileRoutes(devices, uploads);
        var storage = new FileUploadHandlers(uploads.storage());
        return List.of(
                ApiRoute.of(GET, FILE_UPLOADS, Access.requires(FILE_UPLOAD_VIEW), storage::get, false),
                ApiRoute.of(PUT, FILE_UPLOADS, Access.requires(FILE_UPLOAD_MANAGE), storage::put, false),
                ApiRoute.of(PATCH, FILE_UPLOADS, Access.requires(FILE_UPLOAD_MANAGE), storage::patch, false),
                ApiRoute.of(DELETE, FILE_UPLOADS, Access.requires(FILE_UPLOAD_MANAGE), storage::delete, false),
                ApiRoute.of(GET, FILES, Access.onDevice(DEVICES_VIEW_FILES), routes::list, true),
                ApiRoute.of(GET, FILES + "/{" + FILE_ID + "}", Access.onDevice(DEVICES_VIEW_FILES), routes::download,
                        true));
    }

    void list(ApiCall call) {
        DeviceId id = call.deviceId();
        devices.get(id);
        ObjectNode body = Json.object();
        ArrayNode value = body.putArray("value");
        uploads.files(id).forEach(file -> value.add(toJson(file)));
        call.json(200, body);
    }

    void download(ApiCall call) throws IOException {
        DeviceId id = call.deviceId();
        devices.get(id);
        DeviceFile file = uploads.file(id, call.pathParam(FILE_ID));
        String name = fileName(file).substring(fileName(file).lastIndexOf('/') + 1);
        FileUploads.Content content = uploads.read(file);
        call.file(file.contentType().orElse("application/octet-stream"), "attachment; filename=\""
                + name.replaceAll("[^A-Za-z0-9._ -]", "_") + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"), content.size(), content.stream());
    }

    static ObjectNode toJson(DeviceFile file) {
        ObjectNode json = Json.object();
        json.put("id", file.correlationId());
        json.put("blobName", file.blobName());
        json.put("fileName", fileName(file));
        json.put("size", file.size());
        file.contentType().ifPresent(type -> json.put("contentType", type));
        json.put("uploaded", file.uploadedAt().orElseThrow().toString());
        json.put("status", file.status().name().toLowerCase(Locale.ROOT));
        return json;
    }

    /** The blob name without the device's prefix. */
    private static String fileName(DeviceFile file) {
        return file.blobName().substring(file.blobName().indexOf('/') + 1);
    }
}
