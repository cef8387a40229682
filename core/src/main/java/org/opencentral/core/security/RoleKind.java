package org.opencentral.core.security;

/**
 * Whether a role is assigned application-wide (root organization) or within an organization; fixed
 * when the role is created (reference §10.1).
 */
public enum RoleKind {
    APPLICATION,
    ORGANIZATION
}
