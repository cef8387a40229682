/**
 * IoT Central's data export API ({@code /api/dataExport/exports} and {@code /api/dataExport/destinations},
 * {@code api-version=2022-10-31-preview}): JSON in and out, paging, masking of destination secrets.
 * The rules live in {@code platform.export}.
 */
package org.opencentral.api.exports;
