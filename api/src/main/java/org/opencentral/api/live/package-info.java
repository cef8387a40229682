/**
 * Live views for the browser (OpenCentral extension): {@code GET /api/live?devices=a,b} streams
 * Server-Sent Events of the named devices — their connection state when the stream opens, then
 * connection changes, telemetry, reported/desired property changes and lifecycle changes as the
 * event log receives them; {@code GET /api/live/jobs[?jobs=a,b]} streams the jobs that change (status,
 * progress). {@link org.opencentral.api.live.LiveFeed} tails the log in memory (no durable cursor: a
 * live view starts at the log's end) and relays the platform's job changes;
 * {@link org.opencentral.api.live.LiveHandler} and {@link org.opencentral.api.live.JobLiveHandler}
 * authenticate, scope and write the streams. Imports core, platform, Javalin's Context and the
 * jobs' JSON shape.
 */
package org.opencentral.api.live;
