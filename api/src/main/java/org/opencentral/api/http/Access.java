package org.opencentral.api.http;

import java.util.Objects;
import org.opencentral.platform.security.Permission;

/**
 * Who may call a route: anybody, any authenticated caller, or callers holding one permission over a
 * declared scope. The installer acts on the declaration alone; it never reads the path.
 */
public sealed interface Access {
    /** No credentials needed (sign-in, the OpenAPI document, {@code /healthz}, the UI's files). */
    record Anonymous() implements Access {
    }

    /** Any valid API token or session (sign-out, "who am I"). */
    record Authenticated() implements Access {
    }

    /** Callers holding {@code permission}, applied over {@code scope}. */
    record Requires(Permission permission, Scope scope) implements Access {
        public Requires {
            Objects.requireNonNull(permission, "permission");
            Objects.requireNonNull(scope, "scope");
        }
    }

    /**
     * Callers holding at least one of {@code permissions} somewhere; the handler decides which one
     * the thing it touches needs (dashboards: the application or the personal dashboard permission).
     */
    record RequiresAny(java.util.List<Permission> permissions) implements Access {
        public RequiresAny {
            permissions = java.util.List.copyOf(permissions);
            if (permissions.size() < 2) {
                throw new IllegalArgumentException("name two or more permissions (one: use Requires)");
            }
        }
    }

    /** What a {@link Requires} permission is checked against. */
    enum Scope {
        /**
         * The caller holds the permission in some organization (or application-wide); the handler
         * narrows what it reads or changes to where the caller holds it (lists, users, tokens).
         */
        CALLER,
        /**
         * The device named by the path's {@code {deviceId}}: a device outside the caller's
         * organizations for the permission answers 404, exactly like one that does not exist.
         */
        PATH_DEVICE
    }

    static Access anonymous() {
        return new Anonymous();
    }

    static Access authenticated() {
        return new Authenticated();
    }

    /** The permission, held anywhere; the handler scopes what it touches. */
    static Access requires(Permission permission) {
        return new Requires(permission, Scope.CALLER);
    }

    /** Any of the permissions, held anywhere; the handler checks the one that applies. */
    static Access requiresAny(Permission... permissions) {
        return new RequiresAny(java.util.List.of(permissions));
    }

    /** The permission over the device named by {@code {deviceId}} in the path. */
    static Access onDevice(Permission permission) {
        return new Requires(permission, Scope.PATH_DEVICE);
    }
}
