/**
 * {@code GET /api/openapi.json}: IoT Central's official 2022-07-31 document filtered to the paths and
 * verbs the route table implements, plus OpenCentral's extensions (marked {@code x-opencentral-extension}).
 */
package org.opencentral.api.openapi;
