package org.opencentral.platform.provisioning;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencentral.core.DomainException;
import org.opencentral.core.provisioning.EnrollmentGroup;
import org.opencentral.core.store.EnrollmentGroupStore;

/** Enrollment groups: create, replace, change under an etag, delete. Blocking. */
public final class EnrollmentGroupService {
    private final EnrollmentGroupStore groups;

    public EnrollmentGroupService(EnrollmentGroupStore groups) {
        this.groups = groups;
    }

    public List<EnrollmentGroup> list() {
        return groups.list();
    }

    public Optional<EnrollmentGroup> find(String id) {
        return groups.find(id);
    }

    public EnrollmentGroup get(String id) {
        return groups.find(id).orElseThrow(() -> DomainException.notFound("enrollment group '" + id + "'"));
    }

    /** Creates the group, or replaces the existing one (keeping nothing of it). */
    public EnrollmentGroup put(EnrollmentGroup group) {
        Optional<EnrollmentGroup> current = groups.find(group.id());
        return current.isPresent() ? groups.update(group, current.get().etag()) : groups.insert(group);
    }

    /** Replaces the group if it is still at {@code expectedEtag}. */
    public EnrollmentGroup update(EnrollmentGroup group, String expectedEtag) {
        return groups.update(group, expectedEtag);
    }

    public void delete(String id) {
        if (!groups.delete(id)) {
            throw DomainException.notFound("enrollment group '" + id + "'");
        }
    }

    static String newEtag() {
        return "\"" + UUID.randomUUID() + "\"";
    }
}
