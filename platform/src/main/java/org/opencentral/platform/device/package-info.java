/**
 * The device registry and device authentication. Must not import Netty, Javalin or JDBC.
 */
package org.opencentral.platform.device;
