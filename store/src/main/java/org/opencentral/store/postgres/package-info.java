/**
 * The production state store on PostgreSQL through a HikariCP pool. Owns connection handling
 * only; all SQL lives in {@code org.opencentral.store.jdbc}. May import HikariCP and the
 * PostgreSQL driver; must not import SQLite or DuckDB.
 */
package org.opencentral.store.postgres;
