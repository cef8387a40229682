/**
 * DPS over MQTT: the session of a provisioning connection (subscribe to
 * {@code $dps/registrations/res/#}, register, poll the operation status) and DPS over HTTPS on the
 * WebSocket listener. Topics are decided by the topic table; the platform's
 * {@link org.opencentral.platform.provisioning.ProvisioningService} decides the answers.
 */
package org.opencentral.transport.internal.provisioning;
