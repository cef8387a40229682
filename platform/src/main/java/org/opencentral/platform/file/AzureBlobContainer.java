package org.opencentral.platform.file;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.sas.BlobSasPermission;
import com.azure.storage.blob.specialized.BlobInputStream;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;

/**
 * One Azure Blob container that devices upload to directly, with the official Azure Storage client:
 * a service SAS per blob (create and write, signed with the account key, generated locally), the
 * stored blob's properties when the device notifies, and its content for a download. The blob's
 * address as the device SDK builds it is {@code https://{hostName}/{containerName}/{blobName}{sas}}:
 * for an account-per-host endpoint ({@code acct.blob.core.windows.net}) the container name is the
 * container; for a path-style endpoint ({@code 127.0.0.1:10000/devstoreaccount1}, Azurite) it is
 * the endpoint's path and the container.
 */
final class AzureBlobContainer {
    private final StorageConnectionString account;
    private final String container;
    private final BlobContainerClient client;

    AzureBlobContainer(StorageConnectionString account, String container) {
        this.account = account;
        this.container = container;
        this.client = new BlobServiceClientBuilder().endpoint(account.blobEndpoint().toString())
                .credential(new StorageSharedKeyCredential(account.accountName(), account.accountKey()))
                .httpClient(new JdkHttpClientBuilder().connectionTimeout(Duration.ofSeconds(10)).build())
                .retryOptions(new RequestRetryOptions(RetryPolicyType.FIXED, 2, Duration.ofSeconds(30), null, null,
                        null))
                .buildClient().getBlobContainerClient(container);
    }

    /** The container's address (no secrets): where a blob went, recorded with its upload. */
    String address() {
        return account.blobEndpoint() + "/" + container;
    }

    /** The grant of a SAS URI that lets its holder create and write {@code blobName} until {@code expiry}. */
    BlobGrant grant(String correlationId, String blobName, Instant expiry) {
        String sas = client.getBlobClient(blobName).generateSas(new BlobServiceSasSignatureValues(
                expiry.atOffset(ZoneOffset.UTC), new BlobSasPermission().setCreatePermission(true)
                        .setWritePermission(true)));
        String path = account.blobEndpoint().getRawPath().replaceAll("^/+", "");
        String host = account.blobEndpoint().getPort() < 0 ? account.blobEndpoint().getHost()
                : account.blobEndpoint().getHost() + ":" + account.blobEndpoint().getPort();
        return new BlobGrant(correlationId, host, path.isEmpty() ? container : path + "/" + container, blobName,
                "?" + sas);
    }

    /** The stored blob's size, content type and time, if it is there. */
    Optional<StoredBlob> stored(String blobName) {
        try {
            BlobProperties properties = client.getBlobClient(blobName).getProperties();
            return Optional.of(new StoredBlob(properties.getBlobSize(), Optional.ofNullable(properties.getContentType())
                    .filter(t -> !t.isBlank()), properties.getLastModified().toInstant()));
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404) {
                return Optional.empty();
            }
            throw unavailable(e);
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /** The content of {@code blobName} as it is now, streamed, with its size; the caller closes it. */
    FileUploads.Content open(String blobName) {
        try {
            BlobInputStream stream = client.getBlobClient(blobName).openInputStream();
            return new FileUploads.Content(stream.getProperties().getBlobSize(), stream);
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /** Storage that cannot be reached or refuses: 503, naming the storage's answer (never the key). */
    private static DomainException unavailable(RuntimeException e) {
        String answer = e instanceof BlobStorageException refused ? "answered " + refused.getStatusCode() + " "
                + refused.getErrorCode() : "could not be reached";
        return new DomainException(ErrorCode.UNAVAILABLE, "the file upload storage " + answer, e);
    }

    /** A blob the device stored. */
    record StoredBlob(long size, Optional<String> contentType, Instant at) {
    }
}
