/**
 * The syntax tree of IoT Central's query language, exactly as written: immutable records under
 * sealed interfaces, with the source position of every node that an error can point at. Names are
 * not resolved here (an identifier may be an alias or a capability); {@code QueryAnalyzer} does
 * that. Pure values: no Netty, Javalin or JDBC, and nothing from the rest of the platform.
 */
package org.opencentral.platform.query.ast;
