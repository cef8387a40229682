/**
 * Validation of JSON values (telemetry, property values, command payloads) against model schemas:
 * {@link org.opencentral.dtdl.value.SchemaValidator#validate}. Imports only the model and Jackson.
 */
package org.opencentral.dtdl.value;
