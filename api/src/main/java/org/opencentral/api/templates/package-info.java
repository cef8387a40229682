/**
 * {@code /api/deviceTemplates}: IoT Central's DeviceTemplate envelope over
 * {@link org.opencentral.platform.template.TemplateService} (publish, read, patch, delete, paged
 * lists). Model errors become 400 answers listing every DTDL problem with its JSON pointer.
 */
package org.opencentral.api.templates;
