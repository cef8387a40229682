package org.opencentral.core.store;

import java.util.List;
import java.util.Optional;
import org.opencentral.core.security.Organization;

/** The organization tree's nodes. Tree rules (depth, cycles, references) are the platform's. */
public interface OrganizationStore {
    /** CONFLICT if the id exists. */
    void insert(Organization organization);

    /** Replaces an existing organization; NOT_FOUND if there is none. */
    void update(Organization organization);

    Optional<Organization> find(String id);

    /** All organizations ordered by id. */
    List<Organization> list();

    boolean delete(String id);
}
