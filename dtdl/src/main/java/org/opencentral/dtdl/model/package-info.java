/**
 * The immutable, fully expanded DTDL model: {@link org.opencentral.dtdl.model.Interface} with
 * {@code extends} flattened and components resolved, sealed {@link org.opencentral.dtdl.model.Content}
 * and {@link org.opencentral.dtdl.model.Schema} hierarchies over records, and
 * {@link org.opencentral.dtdl.model.DeviceModel} for capability look-up by component and name.
 *
 * <p>Pure values: imports only the JDK and Jackson's {@code JsonNode} (for IoT Central initial values).
 */
package org.opencentral.dtdl.model;
