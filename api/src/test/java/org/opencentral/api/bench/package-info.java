/**
 * Benchmarks of the REST API (not tests: they assert nothing and report numbers). Main classes run
 * the API with real services over SQLite and DuckDB in a temporary directory.
 */
package org.opencentral.api.bench;
