package org.opencentral.core.dashboard;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A dashboard: a title and at most {@value #MAX_TILES} tiles. An organization dashboard has no
 * {@code owner} and belongs to at most one organization (none: the application root); a personal
 * dashboard is owned by the principal who made it ({@code user:…} or {@code apiToken:…}), seen by
 * nobody else, and belongs to no organization.
 */
public record Dashboard(String id, String displayName, List<Tile> tiles, boolean favorite, Optional<String> owner,
        String etag, List<String> organizations) {
    /** IoT Central's rule for dashboard ids. */
    public static final Pattern ID = Pattern.compile("[a-zA-Z0-9:;]{1,128}");
    public static final int MAX_TILES = 100;

    public Dashboard {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("invalid dashboard id '" + id + "'");
        }
        Objects.requireNonNull(displayName, "displayName");
        tiles = List.copyOf(tiles);
        if (tiles.size() > MAX_TILES) {
            throw new IllegalArgumentException("a dashboard holds at most " + MAX_TILES + " tiles");
        }
        if (new HashSet<>(tiles.stream().map(Tile::id).toList()).size() != tiles.size()) {
            throw new IllegalArgumentException("a dashboard's tile ids are unique");
        }
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(etag, "etag");
        organizations = List.copyOf(organizations);
        if (organizations.size() > 1) {
            throw new IllegalArgumentException("a dashboard belongs to at most one organization");
        }
        if (owner.isPresent() && !organizations.isEmpty()) {
            throw new IllegalArgumentException("a personal dashboard belongs to no organization");
        }
    }

    public boolean personal() {
        return owner.isPresent();
    }

    /** The dashboard's organization; empty for the application root (and personal dashboards). */
    public Optional<String> organization() {
        return organizations.stream().findFirst();
    }

    /** This dashboard with another etag (stores choose a fresh one on every write). */
    public Dashboard withEtag(String newEtag) {
        return new Dashboard(id, displayName, tiles, favorite, owner, newEtag, organizations);
    }
}
