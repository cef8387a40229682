/** Cloud-to-device messaging. No Netty, Javalin or JDBC. */
package org.opencentral.platform.c2d;
