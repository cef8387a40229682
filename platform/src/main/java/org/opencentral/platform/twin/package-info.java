/** Device twins: IoT Hub patch semantics and the service that applies them. No Netty, Javalin or JDBC. */
package org.opencentral.platform.twin;
