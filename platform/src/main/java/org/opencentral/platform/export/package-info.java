/**
 * Continuous data export: the rules an export or destination keeps before it is stored (filters in
 * the export query dialect, destinations that exist, secrets never answered). Uses the export store
 * port and the query-language parser; no HTTP, no JDBC.
 */
package org.opencentral.platform.export;
