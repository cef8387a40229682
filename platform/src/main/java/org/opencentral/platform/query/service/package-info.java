/**
 * Runs query-language requests ({@code POST /api/query}): {@link org.opencentral.platform.query.service.QueryService}
 * analyzes the text against the device templates ({@link org.opencentral.platform.query.service.TemplateCatalog}),
 * resolves the devices first (the template's devices in the caller's organizations, narrowed by
 * metadata conditions, from the state store), then reads telemetry through the SQL compiler and the
 * telemetry store, or properties (reported twin properties and cloud properties) in Java. Results
 * are IoT Central's rows: one JSON object per row, named by the query's columns, nulls left out.
 * Must not import JDBC, the store module, Javalin or Netty.
 */
package org.opencentral.platform.query.service;
