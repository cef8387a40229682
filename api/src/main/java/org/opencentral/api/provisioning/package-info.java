/**
 * IoT Central's provisioning routes: {@code /enrollmentGroups} (with CA certificates and their
 * proof of possession) and {@code /devices/{id}/attestation}. Holds keys in bodies: never logs them.
 */
package org.opencentral.api.provisioning;
