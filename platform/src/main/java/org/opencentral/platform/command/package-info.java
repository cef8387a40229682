/**
 * Direct methods (IoT Central commands), their correlation, and the command history: every
 * invocation per device and command, written to the state store behind the caller's back
 * ({@link org.opencentral.platform.command.CommandHistory}). No Netty, Javalin or JDBC.
 */
package org.opencentral.platform.command;
