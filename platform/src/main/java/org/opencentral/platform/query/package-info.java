/**
 * IoT Central's query language ({@code POST /api/query}): {@link org.opencentral.platform.query.QueryParser}
 * turns text into a syntax tree ({@code query.ast}), {@link org.opencentral.platform.query.QueryAnalyzer}
 * checks it against the limits ({@link org.opencentral.platform.query.QueryLimits}) and the device
 * template ({@link org.opencentral.platform.query.CapabilityCatalog}: kinds, components and the
 * {@link org.opencentral.platform.query.ValueShape} of object values, whose members dotted names
 * address) and returns a validated
 * {@link org.opencentral.platform.query.Query} for the SQL compilers. Every rejected input is a
 * {@link org.opencentral.platform.query.QueryException} with a position. Owns no I/O: no JDBC,
 * Netty or Javalin; {@code query.internal} is private to this package.
 */
package org.opencentral.platform.query;
