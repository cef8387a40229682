package org.opencentral.core.store;

import java.util.Optional;
import org.opencentral.core.provisioning.Registration;

/** Registration records by registration id (deleted with their device). */
public interface RegistrationStore {
    Optional<Registration> find(String registrationId);

    /** Creates or replaces the record. */
    void put(Registration registration);

    boolean delete(String registrationId);
}
