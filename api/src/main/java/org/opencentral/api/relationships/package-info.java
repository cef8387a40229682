/**
 * {@code /api/devices/{deviceId}/relationships}: IoT Central's DeviceRelationship and
 * DeviceRelationshipCollection shapes over the platform's
 * {@link org.opencentral.platform.relationship.RelationshipService}. No JDBC.
 */
package org.opencentral.api.relationships;
