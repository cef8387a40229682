package org.opencentral.platform.security;

import java.util.Objects;
import org.opencentral.platform.audit.AuditLog;
import org.opencentral.platform.organization.OrganizationService;

/** The security services the REST API calls (tokens, users, sessions, roles, organizations, audit). */
public record SecurityServices(ApiTokenService tokens, UserService users, SessionService sessions, RoleCatalog roles,
        OrganizationService organizations, AuditLog audit) {
    public SecurityServices {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(organizations, "organizations");
        Objects.requireNonNull(audit, "audit");
    }
}
