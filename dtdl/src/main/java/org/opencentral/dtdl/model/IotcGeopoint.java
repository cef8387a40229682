package org.opencentral.dtdl.model;

/** IoT Central's {@code geopoint}: {@code {"lat": .., "lon": .., "alt": ..}} ({@code alt} optional). */
public record IotcGeopoint() implements Schema {
}
