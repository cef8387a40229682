package org.opencentral.dtdl.model;

/** The data type of a Telemetry, Property, command payload, field, map value or array element. */
public sealed interface Schema
        permits Primitive, ObjectSchema, MapSchema, EnumSchema, ArraySchema, Geospatial, IotcGeopoint, IotcVector {
}
