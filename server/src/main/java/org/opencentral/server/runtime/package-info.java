/**
 * The composition root: builds one OpenCentral node from its configuration (stores, services,
 * consumers, listeners) and shuts it down in reverse order. The only place that knows every module.
 */
package org.opencentral.server.runtime;
