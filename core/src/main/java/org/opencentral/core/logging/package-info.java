/**
 * Logging helpers shared by every module: {@link org.opencentral.core.logging.RepeatedFailures} keeps
 * a failure that repeats (a full disk, a store that is down) from flooding the log. SLF4J only.
 */
package org.opencentral.core.logging;
