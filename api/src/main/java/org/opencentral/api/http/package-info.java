/**
 * The shared HTTP pieces of the REST API: the kinds of route rows ({@link org.opencentral.api.http.Route}:
 * REST, stream, operations, static files, fallback page) with their declared {@link
 * org.opencentral.api.http.Access}, and the installer that wraps them (authentication,
 * {@code api-version}, one permission per route over its declared scope), IoT Central's error body, bounded JSON request
 * bodies, ETags and the HTTP metrics hook. Only this package and {@code org.opencentral.api} touch
 * Javalin's {@code Context} directly; route handlers see an {@link org.opencentral.api.http.ApiCall}.
 * Must not import store or transport code.
 */
package org.opencentral.api.http;
