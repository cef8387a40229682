package org.opencentral.platform.query.plan;

import java.util.List;
import org.opencentral.platform.query.QueryFilter;

/**
 * The devices a query may read (the template's devices in the caller's organizations, narrowed by
 * metadata filters), and, for metadata conditions the compiler keeps in SQL, the ids of the
 * devices that pass them: SQL sees device metadata only as bound lists of ids.
 */
public interface DeviceSet {
    List<String> ids();

    /** The ids of {@link #ids()} whose metadata passes {@code condition} (a comparison or IN on metadata). */
    List<String> passing(QueryFilter condition);
}
