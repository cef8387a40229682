/**
 * {@code GET /api/openapi.json}: IoT Central's official 2022-07-31 document filtered to the paths and
 * verbs the route table implements, plus OpenCentral's extensions (marked {@code x-opencentral-extension}),
 * the live stream among them ({@code text/event-stream}).
 */
package org.opencentral.api.openapi;
