/**
 * Device file uploads, IoT Hub's flow: a device asks for a SAS URI of a blob
 * ({@link org.opencentral.platform.file.FileUploads#request}), puts the blob to the embedded blob
 * store with it ({@link org.opencentral.platform.file.FileUploads#put}), then notifies the outcome
 * ({@link org.opencentral.platform.file.FileUploads#notify}).
 */
package org.opencentral.platform.file;
