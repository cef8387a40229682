/**
 * {@code /api/devices/{deviceId}/components} (the components of the device's template) and the
 * {@code /modules} family: OpenCentral devices have no IoT Edge modules, so the module list is empty
 * and every module-scoped path answers 404. No JDBC.
 */
package org.opencentral.api.components;
