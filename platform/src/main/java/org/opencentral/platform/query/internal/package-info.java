/**
 * The lexer, the recursive-descent parser and the analyzer's rules. Private to
 * {@code org.opencentral.platform.query}: use {@code QueryParser} and {@code QueryAnalyzer}.
 * No Netty, Javalin or JDBC.
 */
package org.opencentral.platform.query.internal;
