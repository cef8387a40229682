/**
 * The vocabulary of device provisioning (DPS as IoT Central uses it): enrollment groups with their
 * symmetric-key or X.509 attestation, individual device attestations and registration records.
 * Pure values: must not import anything outside the JDK and {@code org.opencentral.core}.
 */
package org.opencentral.core.provisioning;
