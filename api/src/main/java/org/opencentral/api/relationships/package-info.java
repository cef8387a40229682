/**
 * {@code /api/devices/{deviceId}/relationships}: IoT Central's DeviceRelationship and
 * DeviceRelationshipCollection shapes over the platform's
 * {@link org.opencentral.platform.relationship.RelationshipService}, plus the {@code name} extension (the
 * DTDL Relationship a link instantiates). No JDBC.
 */
package org.opencentral.api.relationships;
