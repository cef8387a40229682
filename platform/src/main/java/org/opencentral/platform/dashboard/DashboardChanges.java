package org.opencentral.platform.dashboard;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.dashboard.Tile;

/**
 * What a PUT or PATCH of a dashboard names; members left out are empty. {@code personal} is
 * honoured when a dashboard is created (a dashboard's kind never changes).
 */
public record DashboardChanges(Optional<String> displayName, Optional<List<Tile>> tiles, Optional<Boolean> favorite,
        Optional<List<String>> organizations, Optional<Boolean> personal) {
    public DashboardChanges {
        Objects.requireNonNull(displayName, "displayName");
        tiles = Objects.requireNonNull(tiles, "tiles").map(List::copyOf);
        Objects.requireNonNull(favorite, "favorite");
        organizations = Objects.requireNonNull(organizations, "organizations").map(List::copyOf);
        Objects.requireNonNull(personal, "personal");
    }
}
