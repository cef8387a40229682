package org.opencentral.transport.internal.https;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.platform.file.BlobGrant;
import org.opencentral.platform.file.FileUploads;

/**
 * IoT Hub's file-upload requests of a device: {@code POST …/files} with {@code {"blobName": …}}
 * answers the blob's SAS URI parts (200); {@code POST …/files/notifications} with
 * {@code {"correlationId": …, "isSuccess": …}} records the outcome (204). A body that is not such an
 * object is a 400; an unknown correlation id a 404; uploads not enabled a 403. Blocking.
 */
final class FileUploadRequests {
    private final FileUploads uploads;

    FileUploadRequests(FileUploads uploads) {
        this.uploads = uploads;
    }

    /** The SAS URI for the file the body names, on {@code host} (the Host header: how the device reached us). */
    FullHttpResponse request(DeviceId id, byte[] body, Optional<String> host) {
        return answer(() -> {
            if (host.isEmpty() || host.get().isBlank()) {
                throw DomainException.badRequest("the request has no Host header");
            }
            JsonNode request = object(body);
            if (!request.path("blobName").isTextual()) {
                throw DomainException.badRequest("the request needs a blobName string");
            }
            BlobGrant grant = uploads.request(id, request.path("blobName").asText(), host.get().strip());
            return HttpReplies.json(HttpResponseStatus.OK, Json.object().put("correlationId", grant.correlationId())
                    .put("hostName", grant.hostName()).put("containerName", grant.containerName())
                    .put("blobName", grant.blobName()).put("sasToken", grant.sasToken()));
        });
    }

    /** Records the outcome the body notifies. */
    FullHttpResponse notify(DeviceId id, byte[] body, Optional<String> correlationInPath) {
        return answer(() -> {
            JsonNode notification = object(body);
            Optional<String> correlationId = correlationInPath.or(() -> Optional.of(notification.path("correlationId"))
                    .filter(JsonNode::isTextual).map(JsonNode::asText));
            if (correlationId.isEmpty() || !notification.path("isSuccess").isBoolean()) {
                throw DomainException.badRequest("the notification needs a correlationId string (in the body or the "
                        + "path) and an isSuccess boolean");
            }
            uploads.notify(id, correlationId.get(), notification.path("isSuccess").asBoolean());
            return HttpReplies.of(HttpResponseStatus.NO_CONTENT, "", new byte[0]);
        });
    }

    private static JsonNode object(byte[] body) {
        JsonNode node = Optional.of(body).filter(b -> b.length > 0).map(b -> {
            try {
                return Json.parse(b);
            } catch (RuntimeException e) {
                throw DomainException.badRequest("the body is not JSON");
            }
        }).orElseThrow(() -> DomainException.badRequest("the body is empty"));
        if (!node.isObject()) {
            throw DomainException.badRequest("the body is not a JSON object");
        }
        return node;
    }

    private static FullHttpResponse answer(java.util.function.Supplier<FullHttpResponse> work) {
        try {
            return work.get();
        } catch (DomainException e) {
            return HttpReplies.error(HttpResponseStatus.valueOf(e.code().httpStatus()), e.code().code(), e.getMessage());
        }
    }
}
