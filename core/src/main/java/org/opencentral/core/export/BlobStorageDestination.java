package org.opencentral.core.export;

import java.util.Arrays;
import java.util.regex.Pattern;
import org.opencentral.core.DomainException;

/**
 * {@code blobstorage@v1}: an Azure Storage blob container, reached with IoT Central's
 * {@code connectionString} authorization (a storage account connection string: {@code key=value}
 * pairs separated by ';' with an {@code AccountKey} or a {@code SharedAccessSignature}, a secret)
 * and {@code containerName} (Azure's container rule: 3–63 lowercase letters, digits and single
 * hyphens, starting and ending with a letter or digit).
 */
public record BlobStorageDestination(String id, String displayName, String connectionString, String containerName)
        implements Destination {
    public static final String TYPE = "blobstorage@v1";
    private static final Pattern CONTAINER = Pattern.compile("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$");

    public BlobStorageDestination {
        ExportIds.check("destination", id);
        ExportIds.displayName("destination", displayName);
        if (connectionString == null || connectionString.isBlank()) {
            throw DomainException.badRequest("a blobstorage@v1 destination needs a 'connectionString'");
        }
        boolean pairs = Arrays.stream(connectionString.split(";")).filter(part -> !part.isBlank())
                .allMatch(part -> part.indexOf('=') > 0);
        if (!pairs || !connectionString.matches("(?s)(.*;)?\\s*(AccountKey|SharedAccessSignature)=.+")) {
            throw DomainException.badRequest("'connectionString' must be a storage account connection string "
                    + "(key=value pairs separated by ';' with an AccountKey or a SharedAccessSignature)");
        }
        if (containerName == null || !CONTAINER.matcher(containerName).matches()) {
            throw DomainException.badRequest("'containerName' must be a blob container name (3-63 lowercase letters, "
                    + "digits and single hyphens, starting and ending with a letter or digit)");
        }
    }

    /** Without the connection string, so that it never reaches a log. */
    @Override
    public String toString() {
        return "BlobStorageDestination[id=" + id + ", displayName=" + displayName + ", containerName=" + containerName
                + "]";
    }

    @Override
    public String type() {
        return TYPE;
    }
}
