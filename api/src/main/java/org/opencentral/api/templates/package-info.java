/**
 * {@code /api/deviceTemplates}: IoT Central's DeviceTemplate envelope over
 * {@link org.opencentral.platform.template.TemplateService} (publish, read, patch, delete, paged
 * lists). Model errors become 400 answers listing every DTDL problem with its JSON pointer. Extensions:
 * {@code GET /api/deviceTemplates/{id}/model} (the expanded model, components and references
 * resolved, rendered by {@link org.opencentral.dtdl.json.ModelJson}) and
 * {@code GET /api/devices/{id}/telemetryIssues}.
 */
package org.opencentral.api.templates;
