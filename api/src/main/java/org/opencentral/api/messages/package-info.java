/**
 * OpenCentral extension, not in IoT Central's API: {@code POST /api/devices/{deviceId}/messages}
 * queues a cloud-to-device message through
 * {@link org.opencentral.platform.c2d.CloudToDeviceService}. Body
 * {@code {"data": <any JSON>, "properties": {"k": "v"}, "ttl": "PT1H"}} ({@code properties} and
 * {@code ttl} optional; a string {@code data} is sent as its raw text, anything else as JSON);
 * answer 202 {@code {"messageId", "expiresAt"}}. Needs the execute-commands permission.
 */
package org.opencentral.api.messages;
