/**
 * Logging set-up: applies {@link org.opencentral.server.config.LogConfig} (text or JSON, level) to
 * Logback using {@code logback.xml}. The only package that imports Logback; everything else logs
 * through SLF4J.
 */
package org.opencentral.server.logging;
