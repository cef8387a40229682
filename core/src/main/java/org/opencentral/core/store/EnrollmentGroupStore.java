package org.opencentral.core.store;

import java.util.List;
import java.util.Optional;
import org.opencentral.core.provisioning.EnrollmentGroup;

/** Enrollment groups, listed by id. Etags change on every write (the store chooses them). */
public interface EnrollmentGroupStore {
    /** Stores a new group; CONFLICT if the id is taken. Returns it as stored. */
    EnrollmentGroup insert(EnrollmentGroup group);

    /** Replaces a group if its etag is still {@code expectedEtag}; NOT_FOUND or PRECONDITION_FAILED otherwise. */
    EnrollmentGroup update(EnrollmentGroup group, String expectedEtag);

    Optional<EnrollmentGroup> find(String id);

    List<EnrollmentGroup> list();

    boolean delete(String id);
}
