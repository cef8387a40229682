/**
 * Canonical JSON rendering of the expanded model (golden files, API responses, debugging):
 * fixed key order, absent values omitted, component interfaces and schema references inlined.
 * Imports only the model and Jackson.
 */
package org.opencentral.dtdl.json;
