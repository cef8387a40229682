/**
 * The tables of {@code postgresql@v1} data export destinations: databases the user names, reached
 * with the PostgreSQL driver, not OpenCentral's own state.
 */
package org.opencentral.store.export;
