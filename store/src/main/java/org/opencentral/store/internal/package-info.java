/**
 * Plumbing private to the store module (a fixed connection pool, PostgreSQL daily partitions).
 * Nothing outside {@code org.opencentral.store} may use it; it imports only the JDK (incl. JDBC)
 * and SLF4J.
 */
package org.opencentral.store.internal;
