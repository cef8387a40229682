package org.opencentral.core.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opencentral.core.DomainException;

/**
 * {@code blobstorage@v1}'s members: IoT Central's {@code authorization}
 * {@code {type: "connectionString", connectionString, containerName}} (the connection string a
 * secret in slot {@code authorization}); a managed identity is refused (there is none outside Azure).
 * {@code folder@v1}'s member: {@code path}.
 */
final class BlobJson {
    private static final String SLOT = "authorization";

    private BlobJson() {
    }

    static void write(ObjectNode json, BlobStorageDestination b, SecretSlots secrets) {
        json.putObject("authorization").put("type", "connectionString")
                .put("connectionString", secrets.write(b.id(), SLOT, b.connectionString()))
                .put("containerName", b.containerName());
    }

    static void write(ObjectNode json, FolderDestination f) {
        json.put("path", f.path());
    }

    static BlobStorageDestination readBlob(String id, String displayName, ObjectNode json, SecretSlots secrets) {
        ObjectNode auth = DestinationJson.object(json, "authorization")
                .orElseThrow(() -> DomainException.badRequest("a blobstorage@v1 destination needs 'authorization'"));
        String type = DestinationJson.required(auth, "type");
        return switch (type) {
            case "connectionString" -> new BlobStorageDestination(id, displayName,
                    secrets.read(id, SLOT, DestinationJson.required(auth, "connectionString")),
                    DestinationJson.required(auth, "containerName"));
            case "systemAssignedManagedIdentity" -> throw DomainException.badRequest("blobstorage@v1 authorization "
                    + "type 'systemAssignedManagedIdentity' is not supported: OpenCentral runs outside Azure and has no "
                    + "managed identity; use 'connectionString'");
            default -> throw DomainException.badRequest("blobstorage@v1 authorization type must be 'connectionString', "
                    + "not '" + type + "'");
        };
    }

    static FolderDestination readFolder(String id, String displayName, ObjectNode json) {
        return new FolderDestination(id, displayName, DestinationJson.required(json, "path"));
    }
}
