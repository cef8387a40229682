/**
 * {@code GET /api/devices/{deviceId}/credentials}: IoT Central's DeviceCredentials (ID scope and the
 * device's symmetric keys). Needs the credentials permission: the answer holds secrets.
 */
package org.opencentral.api.credentials;
