/**
 * The one assembly of the platform's services ({@link org.opencentral.platform.assembly.Platform}):
 * a plain composition, no container, used by the server's composition root and by every test
 * platform. Settings come in as {@link org.opencentral.platform.assembly.PlatformSettings}.
 */
package org.opencentral.platform.assembly;
