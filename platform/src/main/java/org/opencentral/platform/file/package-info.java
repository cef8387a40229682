/**
 * Device file uploads, IoT Hub's flow: a device asks for a SAS URI of a blob
 * ({@link org.opencentral.platform.file.FileUploads#request}), puts the blob with it, then notifies
 * the outcome ({@link org.opencentral.platform.file.FileUploads#notify}). The blob goes to the Azure
 * Blob container configured through IoT Central's {@code /fileUploads}
 * ({@link org.opencentral.platform.file.FileUploadStorage}, the official Azure Storage client in
 * {@link org.opencentral.platform.file.AzureBlobContainer}) or, without one, to the embedded blob
 * store ({@link org.opencentral.platform.file.EmbeddedBlobStore}: Put Blob, Put Block, Put Block
 * List). No HTTP server or JDBC here: the transport speaks the Blob protocol, the store keeps the
 * records.
 */
package org.opencentral.platform.file;
