/**
 * {@code POST /api/devices/{deviceId}[/components/{componentName}]/commands/{commandName}}: IoT
 * Central's DeviceCommand over {@link org.opencentral.platform.command.CommandService} (a direct
 * method; component commands are the method {@code component*command}). The handler blocks on the
 * device's answer — it runs on a virtual thread. Command history ({@code GET} on the same paths) is
 * not recorded yet and answers 501 rather than an invented empty list.
 */
package org.opencentral.api.commands;
