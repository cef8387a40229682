package org.opencentral.core.store;

import java.util.List;
import java.util.Optional;
import org.opencentral.core.security.ApiToken;

public interface ApiTokenStore {
    /** CONFLICT if the id exists. */
    void insert(ApiToken token);

    Optional<ApiToken> find(String id);

    List<ApiToken> list();

    boolean delete(String id);
}
