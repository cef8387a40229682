package org.opencentral.platform.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.opencentral.core.DomainException;
import org.opencentral.core.security.CustomRole;
import org.opencentral.core.security.RoleAssignment;
import org.opencentral.core.security.RoleKind;
import org.opencentral.core.store.RoleStore;

/**
 * Every role of the application: the built-in ones (code) and custom ones (the role store), and how
 * role assignments resolve to a {@link Principal}'s grants. Custom roles cannot take a built-in id,
 * and their kind cannot change once created.
 */
public final class RoleCatalog {
    private final RoleStore store;
    private final Clock clock;
    private final AtomicLong version = new AtomicLong();

    public RoleCatalog(RoleStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public List<Role> list() {
        List<Role> roles = new ArrayList<>();
        for (BuiltInRole role : BuiltInRole.values()) {
            roles.add(role.toRole());
        }
        store.list().forEach(custom -> roles.add(toRole(custom)));
        return roles;
    }

    public Optional<Role> find(String id) {
        return BuiltInRole.byId(id).map(BuiltInRole::toRole).or(() -> store.find(id).map(RoleCatalog::toRole));
    }

    public Role get(String id) {
        return find(id).orElseThrow(() -> DomainException.notFound("role '" + id + "'"));
    }

    /** Creates or replaces a custom role; returns whether it was created. */
    public boolean put(String id, String displayName, RoleKind kind, Set<Permission> permissions) {
        if (BuiltInRole.byId(id).isPresent()) {
            throw DomainException.badRequest("role '" + id + "' is built in and cannot be changed");
        }
        if (displayName.isBlank() || displayName.length() > 100) {
            throw DomainException.badRequest("displayName must have 1 to 100 characters");
        }
        store.find(id).filter(existing -> existing.kind() != kind).ifPresent(existing -> {
            throw DomainException.badRequest("the kind of role '" + id + "' is " + existing.kind()
                    + " and cannot change");
        });
        Set<String> names = new java.util.TreeSet<>();
        PermissionCatalogue.expand(permissions).forEach(p -> names.add(p.wireName()));
        try {
            return store.upsert(new CustomRole(id, displayName, kind, names, clock.instant()));
        } finally {
            version.incrementAndGet();
        }
    }

    /** Deletes a custom role; the caller checks that nobody holds it. */
    public void delete(String id) {
        if (BuiltInRole.byId(id).isPresent()) {
            throw DomainException.badRequest("role '" + id + "' is built in and cannot be deleted");
        }
        try {
            if (!store.delete(id)) {
                throw DomainException.notFound("role '" + id + "'");
            }
        } finally {
            version.incrementAndGet();
        }
    }

    /**
     * Changes with every custom-role change made through this catalogue, so that principals computed
     * before it (remembered API-token checks) are not used after it.
     */
    public long version() {
        return version.get();
    }

    /** The principal that holds {@code roles}; assignments of unknown roles grant nothing. */
    public Principal principal(String id, Principal.Kind kind, List<RoleAssignment> roles) {
        List<Grant> grants = new ArrayList<>();
        for (RoleAssignment assignment : roles) {
            find(assignment.role()).ifPresent(role -> grants.add(new Grant(assignment.organization(),
                    role.permissions())));
        }
        return new Principal(id, kind, roles, grants);
    }

    private static Role toRole(CustomRole custom) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        custom.permissions().forEach(name -> Permission.byWireName(name).ifPresent(permissions::add));
        return new Role(custom.id(), custom.displayName(), custom.kind(), permissions, false);
    }
}
