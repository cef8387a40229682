/**
 * Live device connections as the platform sees them: the {@link org.opencentral.platform.session.DeviceSession}
 * a transport implements and the registry of sessions on this node. Must not import Netty.
 */
package org.opencentral.platform.session;
