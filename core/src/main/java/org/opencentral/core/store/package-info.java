/**
 * The state-store ports: small interfaces each with an embedded (SQLite) and a production
 * (PostgreSQL) implementation that pass the same contract tests. No JDBC types leak out of them.
 */
package org.opencentral.core.store;
