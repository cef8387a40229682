package org.opencentral.platform.organization;

import java.util.List;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.security.Organization;
import org.opencentral.core.security.RoleAssignment;
import org.opencentral.core.store.ApiTokenStore;
import org.opencentral.core.store.DeviceStore;
import org.opencentral.core.store.OrganizationStore;
import org.opencentral.core.store.UserStore;

/**
 * Creates, changes and deletes organizations, keeping the tree a tree of depth at most
 * {@value #MAX_DEPTH}. Deleting is refused (409) while devices, users, API tokens or child
 * organizations reference the organization.
 */
public final class OrganizationService {
    public static final int MAX_DEPTH = 5;

    private final OrganizationStore store;
    private final DeviceStore devices;
    private final UserStore users;
    private final ApiTokenStore tokens;

    public OrganizationService(OrganizationStore store, DeviceStore devices, UserStore users, ApiTokenStore tokens) {
        this.store = store;
        this.devices = devices;
        this.users = users;
        this.tokens = tokens;
    }

    public OrganizationTree tree() {
        return new OrganizationTree(store.list());
    }

    public List<Organization> list() {
        return store.list();
    }

    public Optional<Organization> find(String id) {
        return store.find(id);
    }

    public Organization get(String id) {
        return store.find(id).orElseThrow(() -> DomainException.notFound("organization '" + id + "'"));
    }

    /** Creates the organization or replaces an existing one; returns it. */
    public Organization put(Organization organization) {
        OrganizationTree tree = tree();
        checkPlacement(organization, tree);
        if (tree.contains(organization.id())) {
            store.update(organization);
        } else {
            store.insert(organization);
        }
        return organization;
    }

    public void delete(String id) {
        OrganizationTree tree = tree();
        if (!tree.contains(id)) {
            throw DomainException.notFound("organization '" + id + "'");
        }
        if (!tree.childrenOf(id).isEmpty()) {
            throw DomainException.conflict("organization '" + id + "' has child organizations; delete or move them first");
        }
        if (devices.anyInOrganization(id)) {
            throw DomainException.conflict("organization '" + id + "' has devices; delete or move them first");
        }
        if (users.list().stream().anyMatch(u -> references(u.roles(), id))) {
            throw DomainException.conflict("users are assigned to organization '" + id + "'; remove them first");
        }
        if (tokens.list().stream().anyMatch(t -> references(t.roles(), id))) {
            throw DomainException.conflict("API tokens are assigned to organization '" + id + "'; delete them first");
        }
        store.delete(id);
    }

    private static boolean references(List<RoleAssignment> roles, String organization) {
        return roles.stream().anyMatch(r -> r.organization().filter(organization::equals).isPresent());
    }

    private static void checkPlacement(Organization organization, OrganizationTree tree) {
        if (organization.parent().isEmpty()) {
            return;
        }
        String parent = organization.parent().get();
        if (!tree.contains(parent)) {
            throw DomainException.badRequest("parent organization '" + parent + "' does not exist");
        }
        if (tree.isWithin(parent, organization.id())) {
            throw DomainException.badRequest("organization '" + organization.id()
                    + "' cannot move under its own descendant '" + parent + "'");
        }
        int height = tree.contains(organization.id()) ? tree.height(organization.id()) : 1;
        if (tree.depth(parent) + height > MAX_DEPTH) {
            throw DomainException.badRequest("organizations nest at most " + MAX_DEPTH + " levels deep");
        }
    }
}
