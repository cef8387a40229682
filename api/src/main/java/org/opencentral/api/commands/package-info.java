/**
 * {@code POST /api/devices/{deviceId}[/components/{componentName}]/commands/{commandName}}: IoT
 * Central's DeviceCommand over {@link org.opencentral.platform.command.CommandService} (a direct
 * method; component commands are the method {@code component*command}). The handler blocks on the
 * device's answer — it runs on a virtual thread. {@code GET} on the same paths answers the command's
 * history on that device (DeviceCommandCollection), newest first and paged with {@code nextLink}:
 * every invocation that reached validation, answered or not (then without {@code response} and
 * {@code responseCode}); the newest 100 of each command are kept, and the history goes with the device.
 */
package org.opencentral.api.commands;
