/**
 * The one JDBC implementation of the state-store ports ({@code org.opencentral.core.store}),
 * shared by SQLite and PostgreSQL: plain SQL that both engines accept, always with bind
 * parameters, over a {@link org.opencentral.store.jdbc.JdbcDatabase} that each engine provides.
 * What differs between engines lives in {@link org.opencentral.store.jdbc.Dialect} and the
 * per-dialect migration files under {@code db/state/}. Must not import the engine packages
 * ({@code org.opencentral.store.sqlite}, {@code ...postgres}) nor any driver class.
 */
package org.opencentral.store.jdbc;
