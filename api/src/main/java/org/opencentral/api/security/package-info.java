/**
 * {@code /api/roles}, {@code /api/organizations}, {@code /api/users}, {@code /api/apiTokens} in IoT
 * Central's shapes, and OpenCentral's extensions: custom-role PUT/DELETE on {@code /api/roles/{roleId}},
 * browser sign-in under {@code /api/auth} and {@code /api/auditLogs}. Organization-scoped callers see
 * only what lies in their organizations. No JDBC; Javalin only through {@link org.opencentral.api.http.ApiCall}.
 */
package org.opencentral.api.security;
