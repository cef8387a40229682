/**
 * Serves the browser UI (module {@code web}, classpath folder {@code /opencentral-web}) at {@code /}:
 * hashed assets with a year-long immutable cache, {@code index.html} never cached, and every other
 * non-API {@code GET} answered with {@code index.html} (the UI routes in the browser).
 */
package org.opencentral.api.ui;
