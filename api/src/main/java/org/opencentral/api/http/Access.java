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

    /** The permission over the device named by {@code {deviceId}} in the path. */
    static Access onDevice(Permission permission) {
        return new Requires(permission, Scope.PATH_DEVICE);
    }
}
