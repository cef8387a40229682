package org.opencentral.platform.export.delivery;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.specialized.AppendBlobClient;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import org.opencentral.core.export.BlobStorageDestination;

/**
 * {@code blobstorage@v1}'s files: append blobs in the destination's container (created if missing),
 * each append one or more Append Block calls of whole lines (at most 4 MiB each). A block is committed
 * atomically when the call returns, so the cursor moves only past lines the service holds; a retried
 * batch appends its lines again (at-least-once). The client tries once per call (our
 * {@link RetryPolicy} retries); its errors become the refusal's message, never the connection string.
 */
public final class BlobFiles implements MinuteFiles.Files {
    /** The largest block the Append Block call takes in every service version. */
    static final int MAX_BLOCK = 4 * 1024 * 1024;
    private final BlobStorageDestination destination;
    /** Made on the first append (a connection string the client refuses is then a refusal, not a crash). */
    private BlobContainerClient container;
    private boolean containerExists;

    public BlobFiles(BlobStorageDestination destination) {
        this.destination = Objects.requireNonNull(destination, "destination");
    }

    @Override
    public synchronized void append(String path, byte[] lines) throws IOException {
        try {
            if (container == null) {
                container = new BlobServiceClientBuilder().connectionString(destination.connectionString())
                        .httpClient(new JdkHttpClientBuilder().connectionTimeout(Duration.ofSeconds(10)).build())
                        .retryOptions(new RequestRetryOptions(RetryPolicyType.FIXED, 1, Duration.ofSeconds(60), null,
                                null, null))
                        .buildClient().getBlobContainerClient(destination.containerName());
            }
            if (!containerExists) {
                container.createIfNotExists();
                containerExists = true;
            }
            AppendBlobClient blob = container.getBlobClient(path).getAppendBlobClient();
            blob.createIfNotExists();
            int start = 0;
            while (start < lines.length) {
                int end = blockEnd(lines, start);
                blob.appendBlock(new ByteArrayInputStream(lines, start, end - start), end - start);
                start = end;
            }
        } catch (BlobStorageException e) {
            containerExists = false; // created again on the retry if it was deleted
            throw new IOException("blob storage answered " + e.getStatusCode() + " " + e.getErrorCode(), e);
        } catch (IllegalArgumentException e) {
            throw new IOException("the connection string is not one the Azure Storage client accepts", e);
        } catch (RuntimeException e) {
            throw new IOException("blob storage: " + e.getMessage(), e);
        }
    }

    /** The end of the next block from {@code start}: whole lines up to {@link #MAX_BLOCK} bytes. */
    static int blockEnd(byte[] lines, int start) {
        if (lines.length - start <= MAX_BLOCK) {
            return lines.length;
        }
        for (int i = start + MAX_BLOCK - 1; i >= start; i--) {
            if (lines[i] == '\n') {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("a message longer than " + MAX_BLOCK + " bytes does not fit a block");
    }
}
