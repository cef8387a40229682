package org.opencentral.platform.group;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a PUT or PATCH of a device group names; members left out are empty. {@code description}
 * holds an empty inner value when the body removes it ({@code "description": null}).
 */
public record GroupChanges(Optional<String> displayName, Optional<String> filter,
        Optional<Optional<String>> description, Optional<List<String>> organizations) {
    public GroupChanges {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(description, "description");
        organizations = Objects.requireNonNull(organizations, "organizations").map(List::copyOf);
    }
}
