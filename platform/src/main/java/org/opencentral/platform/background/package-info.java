/**
 * {@link org.opencentral.platform.background.BackgroundLoop}: the one way the platform runs a step over and
 * over in the background (log consumers, the audit forwarder, the command-history writer), woken when there
 * is work and retried after a failure. Imports nothing of the platform's capabilities.
 */
package org.opencentral.platform.background;
