/** Direct methods (IoT Central commands) and their correlation. No Netty, Javalin or JDBC. */
package org.opencentral.platform.command;
