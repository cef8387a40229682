package org.opencentral.core.group;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A saved device group: a name and a device query ({@code filter}) whose matching devices are its
 * members, evaluated at every read. {@code organizations} holds at most one organization id (empty:
 * the application root), as in IoT Central.
 */
public record DeviceGroup(String id, String displayName, String filter, Optional<String> description, String etag,
        List<String> organizations) {
    /** IoT Central's rule for device group ids. */
    public static final Pattern ID = Pattern.compile("[a-zA-Z0-9_-]{1,255}");

    public DeviceGroup {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("invalid device group id '" + id + "'");
        }
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(etag, "etag");
        organizations = List.copyOf(organizations);
        if (organizations.size() > 1) {
            throw new IllegalArgumentException("a device group belongs to at most one organization");
        }
    }

    /** The group's organization; empty for the application root. */
    public Optional<String> organization() {
        return organizations.stream().findFirst();
    }

    /** This group with another etag (stores choose a fresh one on every write). */
    public DeviceGroup withEtag(String newEtag) {
        return new DeviceGroup(id, displayName, filter, description, newEtag, organizations);
    }
}
