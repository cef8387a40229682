package org.opencentral.dtdl;

/** Stable codes of model errors. Names are part of the public contract (CLI output, API bodies). */
public enum DtdlErrorCode {
    /** The document is not well-formed JSON. */
    JSON_INVALID,
    /** The document is neither an object nor an array of objects. */
    DOCUMENT_INVALID,
    /** No DTDL context ({@code dtmi:dtdl:context;2} or {@code ;3}). */
    CONTEXT_MISSING,
    /** A context this library does not support, or one not usable with the DTDL version. */
    CONTEXT_UNSUPPORTED,
    /** {@code @type} is missing. */
    TYPE_MISSING,
    /** {@code @type} is not allowed here (or names no or several DTDL element kinds). */
    TYPE_INVALID,
    /** A required property is missing. */
    PROPERTY_REQUIRED,
    /** A property that this element kind does not have. */
    PROPERTY_UNKNOWN,
    /** A property value of the wrong JSON type or out of its allowed set. */
    PROPERTY_VALUE_INVALID,
    /** {@code writable} on an element other than Property or Relationship. */
    WRITABLE_NOT_ALLOWED,
    DTMI_INVALID,
    DTMI_TOO_LONG,
    /** A definition uses a prefix reserved by DTDL ({@code dtmi:dtdl:}, {@code dtmi:standard:}). */
    DTMI_RESERVED,
    /** The same {@code @id} is defined twice. */
    DTMI_DUPLICATE,
    NAME_INVALID,
    NAME_TOO_LONG,
    NAME_DUPLICATE,
    /** displayName, description or comment longer than allowed. */
    STRING_TOO_LONG,
    LANGUAGE_TAG_INVALID,
    /** v2: more than 300 contents including those inherited via {@code extends}. */
    CONTENTS_LIMIT,
    /** v3: more than 100,000 elements in the contents hierarchy, or an interface text over 1 MiB. */
    ELEMENT_COUNT_LIMIT,
    /** v2: more than 2 {@code extends}; v3: more than 1024 interfaces in the hierarchy. */
    EXTENDS_LIMIT,
    /** {@code extends} deeper than 10 levels. */
    EXTENDS_DEPTH,
    /** More than 5 {@code elementSchema} or {@code schema} members on a path below an Array, Map or Object. */
    SCHEMA_DEPTH,
    /** A schema term or type that is not a DTDL schema. */
    SCHEMA_UNKNOWN,
    /** v2: an Array (or geospatial schema) inside a Property schema. */
    ARRAY_IN_V2_PROPERTY,
    ENUM_VALUE_SCHEMA_INVALID,
    ENUM_VALUE_TYPE_MISMATCH,
    ENUM_VALUE_DUPLICATE,
    /** v2: more than 100 enum values. */
    ENUM_VALUES_LIMIT,
    /** v2: an Enum without values or an Object without fields. */
    SET_EMPTY,
    /** v2: more than 30 Object fields. */
    OBJECT_FIELDS_LIMIT,
    MAP_KEY_SCHEMA_INVALID,
    /** v2: more than 300 Relationship properties. */
    RELATIONSHIP_PROPERTIES_LIMIT,
    MULTIPLICITY_INVALID,
    /** A Component whose interface itself contains a Component. */
    COMPONENT_NESTED,
    /** A cycle through {@code extends}, component schemas or schema references. */
    CYCLE,
    /** A referenced DTMI is defined nowhere (documents given together, model source). */
    UNRESOLVED_REFERENCE,
    /** A reference to an element of the wrong kind (e.g. extends pointing at an Object). */
    REFERENCE_KIND_INVALID,
    /** A semantic type on a non-numeric schema. */
    SEMANTIC_SCHEMA_NOT_NUMERIC,
    /** A semantic type without {@code unit}. */
    UNIT_REQUIRED,
    /** A unit that does not belong to the unit type of the semantic type. */
    UNIT_INVALID,
    /** {@code unit} without a semantic type. */
    UNIT_NOT_ALLOWED,
    /** An IoT Central co-type on a schema it does not allow (State needs Enum, ...). */
    IOTC_SCHEMA_MISMATCH,
    /** A co-type that is not allowed on this element kind. */
    COTYPE_NOT_ALLOWED
}
