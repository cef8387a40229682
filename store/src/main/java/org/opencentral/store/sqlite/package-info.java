/**
 * The embedded state store: one SQLite file in WAL mode. Owns connection handling for SQLite
 * (one writer, a few readers); all SQL lives in {@code org.opencentral.store.jdbc}. May import
 * the xerial driver; must not import PostgreSQL, HikariCP or DuckDB.
 */
package org.opencentral.store.sqlite;
