package org.opencentral.dtdl.value;

/** Stable codes of value errors. */
public enum ValueErrorCode {
    /** The JSON type does not fit the schema (a string for a double, ...). */
    TYPE_MISMATCH,
    /** A number outside the schema's range (integer, long, float; latitude, longitude). */
    OUT_OF_RANGE,
    /** A value that is not one of the Enum's values. */
    NOT_IN_ENUM,
    /** A string that is not a date, dateTime, time or duration in the required format. */
    INVALID_FORMAT,
    /** A member the Object (or geopoint, vector, GeoJSON) schema does not describe. */
    UNKNOWN_FIELD,
    /** A required member of a geopoint, vector or GeoJSON value is missing. */
    MISSING_FIELD,
    /** A map key that is empty or contains '.', '$', a space or a control character. */
    INVALID_KEY,
    /** A GeoJSON geometry of the wrong shape (too few positions, unclosed ring, ...). */
    INVALID_GEOMETRY
}
