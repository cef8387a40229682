/**
 * Operations endpoints outside {@code /api}, without authentication: {@code GET /healthz}
 * (200 {@code {"status":"ok"}} once every listener is up, else 503) and {@code GET /metrics}
 * (the Prometheus text a supplied scrape function renders).
 */
package org.opencentral.api.ops;
