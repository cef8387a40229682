/**
 * Live views for the browser (OpenCentral extension): {@code GET /api/live?devices=a,b} streams
 * Server-Sent Events of the named devices — their connection state when the stream opens, then
 * connection changes, telemetry, reported/desired property changes and lifecycle changes as the
 * event log receives them. {@link org.opencentral.api.live.LiveFeed} tails the log in memory (no
 * durable cursor: a live view starts at the log's end); {@link org.opencentral.api.live.LiveHandler}
 * authenticates, scopes and writes the stream. Imports only core, platform and Javalin's Context.
 */
package org.opencentral.api.live;
