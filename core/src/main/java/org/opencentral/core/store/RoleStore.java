package org.opencentral.core.store;

import java.util.List;
import java.util.Optional;
import org.opencentral.core.security.CustomRole;

/** Custom roles (built-in roles live in code, not here). */
public interface RoleStore {
    /** Inserts or replaces a role; returns true when it was created. */
    boolean upsert(CustomRole role);

    Optional<CustomRole> find(String id);

    /** All custom roles ordered by id. */
    List<CustomRole> list();

    boolean delete(String id);
}
