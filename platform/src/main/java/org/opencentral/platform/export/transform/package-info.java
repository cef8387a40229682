/**
 * jq transforms of exported messages (IoT Central's data export transformations): compiled once per
 * export destination, run with a time limit, with IoT Central's {@code iotc} module. Pure jq on
 * JSON: imports jackson-jq and {@code core} only, not the export formats ({@code platform.export}
 * builds the input, {@code TransformInput}).
 */
package org.opencentral.platform.export.transform;
