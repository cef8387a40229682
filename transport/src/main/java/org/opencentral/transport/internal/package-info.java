/**
 * Private to the transport module: the Netty pipeline, CONNECT handling, the topic table and the
 * per-connection session. Nothing outside {@code org.opencentral.transport} may import it.
 */
package org.opencentral.transport.internal;
