package org.opencentral.core.security;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opencentral.core.DomainException;

/** A node of the organization tree; no parent means a child of the application's root. */
public record Organization(String id, String displayName, Optional<String> parent) {
    /** IoT Central's organizationId pattern. */
    public static final Pattern ID = Pattern.compile("^(?!-)[a-z0-9-]{1,48}[a-z0-9]$");

    public Organization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(parent, "parent");
        if (!ID.matcher(id).matches()) {
            throw DomainException.badRequest("invalid organization id '" + id
                    + "': 2-50 lower-case letters, digits or '-', not starting or ending with '-'");
        }
        if (parent.isPresent() && parent.get().equals(id)) {
            throw DomainException.badRequest("an organization cannot be its own parent");
        }
    }
}
