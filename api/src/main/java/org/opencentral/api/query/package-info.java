/**
 * {@code POST /api/query?api-version=2022-10-31-preview}: IoT Central's query language over the
 * query service ({@code platform.query.service}). Body {@code {"query": "..."}}, answer 200
 * {@code {"results": [...]}}; bad queries are 400 with the parser's or the analyzer's position
 * message. Permission: Device instances / View, within the caller's organizations.
 */
package org.opencentral.api.query;
