/**
 * The shared HTTP pieces of the REST API: the route record and its wrapper (authentication,
 * {@code api-version}, one permission per route), IoT Central's error body, bounded JSON request
 * bodies, ETags and the HTTP metrics hook. Only this package and {@code org.opencentral.api} touch
 * Javalin's {@code Context} directly; route handlers see an {@link org.opencentral.api.http.ApiCall}.
 * Must not import store or transport code.
 */
package org.opencentral.api.http;
