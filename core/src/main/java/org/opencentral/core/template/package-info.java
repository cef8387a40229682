/**
 * Device templates as the platform stores them (IoT Central's envelope around a DTDL capability
 * model), cloud property values and the telemetry issues found by checking telemetry against a
 * template. Plain values only: parsing and validating DTDL belongs to the {@code dtdl} module and
 * the platform's {@code template} package; this package must not import either.
 */
package org.opencentral.core.template;
