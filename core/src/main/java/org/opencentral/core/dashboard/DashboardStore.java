package org.opencentral.core.dashboard;

import java.util.Optional;
import java.util.Set;
import org.opencentral.core.store.Page;

/** Dashboards, organization and personal, with etags. */
public interface DashboardStore {
    Optional<Dashboard> find(String id);

    /**
     * One page of dashboards by id after {@code after}: the organization dashboards within
     * {@code organizations} (none: everywhere; an empty set: none of them) and the personal
     * dashboards of {@code owner} (none: no personal dashboard).
     */
    Page<Dashboard> list(Optional<Set<String>> organizations, Optional<String> owner, Optional<String> after,
            int limit);

    /** Inserts a new dashboard with a fresh etag; CONFLICT if the id exists. */
    Dashboard insert(Dashboard dashboard);

    /**
     * Replaces a dashboard if its stored etag equals {@code expectedEtag} (a fresh etag is stored);
     * PRECONDITION_FAILED otherwise, NOT_FOUND if it does not exist.
     */
    Dashboard update(Dashboard dashboard, String expectedEtag);

    /** Deletes a dashboard; false if there was none. */
    boolean delete(String id);
}
