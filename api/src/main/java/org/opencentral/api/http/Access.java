package org.opencentral.api.http;

import java.util.Objects;
import org.opencentral.platform.security.Permission;

/** Who may call a route: anybody, any authenticated caller, or callers holding one permission. */
public sealed interface Access {
    /** No credentials needed (sign-in, the OpenAPI document). */
    record Anonymous() implements Access {
    }

    /** Any valid API token or session (sign-out, "who am I"). */
    record Authenticated() implements Access {
    }

    /** Callers holding {@code permission} somewhere (organization scoping is applied to the resource). */
    record Requires(Permission permission) implements Access {
        public Requires {
            Objects.requireNonNull(permission, "permission");
        }
    }

    public static Access anonymous() {
        return new Anonymous();
    }

    public static Access authenticated() {
        return new Authenticated();
    }

    public static Access requires(Permission permission) {
        return new Requires(permission);
    }
}
