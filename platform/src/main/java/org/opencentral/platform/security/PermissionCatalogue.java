package org.opencentral.platform.security;

import static org.opencentral.platform.security.Permission.*;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each permission implies (reference §10.2), closed transitively. Three rules: Full Control of
 * an area implies every permission of that area; every other action of an area implies the area's
 * "view" ("read" for the instance/global pairs); and the catalogue's cross-area dependencies below.
 */
public final class PermissionCatalogue {
    private static final Map<Permission, List<Permission>> EXTRA = extras();
    private static final Map<Permission, Set<Permission>> CLOSURE = closure();

    private PermissionCatalogue() {
    }

    /** The permission and everything it implies. */
    public static Set<Permission> implied(Permission permission) {
        return CLOSURE.get(permission);
    }

    /** The union of what {@code permissions} imply. */
    public static Set<Permission> expand(Collection<Permission> permissions) {
        Set<Permission> out = EnumSet.noneOf(Permission.class);
        permissions.forEach(p -> out.addAll(CLOSURE.get(p)));
        return out;
    }

    private static Map<Permission, List<Permission>> extras() {
        Map<Permission, List<Permission>> m = new EnumMap<>(Permission.class);
        m.put(DEVICE_TEMPLATES_MANAGE, List.of(DEVICES_VIEW));
        m.put(DEVICES_VIEW, List.of(DEVICE_TEMPLATES_VIEW, DEVICE_GROUPS_VIEW));
        m.put(DEVICES_EXECUTE_COMMANDS, List.of(DEVICES_UPDATE));
        m.put(DEVICE_GROUPS_CREATE, List.of(DEVICE_GROUPS_UPDATE));
        m.put(DEVICE_GROUPS_FULL_CONTROL, List.of(DEVICE_TEMPLATES_VIEW, DEVICES_VIEW));
        m.put(CONNECTIVITY_MANAGE_INSTANCE, List.of(CONNECTIVITY_READ_INSTANCE));
        m.put(CONNECTIVITY_MANAGE_GLOBAL, List.of(CONNECTIVITY_READ_GLOBAL));
        m.put(DEPLOYMENT_MANIFESTS_MANAGE_INSTANCE, List.of(DEPLOYMENT_MANIFESTS_READ_INSTANCE));
        m.put(DEPLOYMENT_MANIFESTS_MANAGE_GLOBAL, List.of(DEPLOYMENT_MANIFESTS_READ_GLOBAL));
        m.put(DEPLOYMENT_MANIFESTS_FULL_CONTROL, List.of(DEVICES_UPDATE));
        m.put(JOBS_EXECUTE, List.of(DEVICES_UPDATE, DEVICES_EXECUTE_COMMANDS));
        m.put(RULES_FULL_CONTROL, List.of(DEVICE_TEMPLATES_VIEW));
        m.put(APP_SETTINGS_COPY, List.of(DEVICE_TEMPLATES_VIEW, DEVICES_VIEW, DEVICE_GROUPS_VIEW, APP_DASHBOARDS_VIEW,
                DATA_EXPORT_VIEW, BRANDING_VIEW, HELP_LINKS_VIEW, CUSTOM_ROLES_VIEW, RULES_VIEW));
        m.put(USERS_FULL_CONTROL, List.of(CUSTOM_ROLES_VIEW));
        m.put(API_TOKENS_FULL_CONTROL, List.of(CUSTOM_ROLES_VIEW));
        return m;
    }

    private static List<Permission> direct(Permission p) {
        List<Permission> out = new java.util.ArrayList<>(EXTRA.getOrDefault(p, List.of()));
        for (Permission other : values()) {
            if (other.area() != p.area() || other == p) {
                continue;
            }
            boolean isView = other.wireName().endsWith(".view");
            if (p.isFullControl() || (isView && !p.wireName().endsWith(".readGlobal"))) {
                out.add(other);
            }
        }
        return out;
    }

    private static Map<Permission, Set<Permission>> closure() {
        Map<Permission, Set<Permission>> m = new EnumMap<>(Permission.class);
        for (Permission start : values()) {
            Set<Permission> seen = EnumSet.of(start);
            Deque<Permission> todo = new ArrayDeque<>(List.of(start));
            while (!todo.isEmpty()) {
                for (Permission next : direct(todo.pop())) {
                    if (seen.add(next)) {
                        todo.push(next);
                    }
                }
            }
            m.put(start, Set.copyOf(seen));
        }
        return m;
    }
}
