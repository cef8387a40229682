package org.opencentral.core.export;

/**
 * Where exports send data. One record per destination type OpenCentral delivers to; types it
 * cannot serve have no record and are refused where the API reads them.
 */
public sealed interface Destination
        permits WebhookDestination, KafkaDestination, EventHubsDestination, PostgresDestination,
        BlobStorageDestination, FolderDestination {
    String id();

    String displayName();

    /** IoT Central's type name, for example {@code webhook@v1}. */
    String type();
}
