/**
 * Plumbing private to the store module (a fixed connection pool). Nothing outside
 * {@code org.opencentral.store} may use it; it imports only the JDK and SLF4J.
 */
package org.opencentral.store.internal;
