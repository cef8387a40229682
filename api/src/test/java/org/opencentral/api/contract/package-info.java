/**
 * Contract testing against IoT Central's official 2022-07-31 document: the Swagger 2.0 to JSON Schema
 * adapter, the compiled response schemas, and test certificates. Test code only; imports nothing of
 * the API's internals.
 */
package org.opencentral.api.contract;
