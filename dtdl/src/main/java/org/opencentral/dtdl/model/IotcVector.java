package org.opencentral.dtdl.model;

/** IoT Central's {@code vector}: {@code {"x": .., "y": .., "z": ..}}. */
public record IotcVector() implements Schema {
}
