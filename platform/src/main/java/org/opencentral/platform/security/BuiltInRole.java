package org.opencentral.platform.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** IoT Central's built-in application roles, with their ids (reference §10.1). */
public enum BuiltInRole {
    APP_ADMINISTRATOR("ca310b8d-2f4a-44e0-a36e-957c202cd8d4", "App Administrator", EnumSet.allOf(Permission.class)),
    APP_BUILDER("344138e9-8de4-4497-8c54-5237e96d6aaf", "App Builder", EnumSet.of(
            Permission.DEVICES_READ, Permission.DEVICES_CREATE, Permission.DEVICES_UPDATE, Permission.DEVICES_DELETE,
            Permission.DEVICES_EXECUTE_COMMANDS, Permission.DEVICE_CREDENTIALS_READ, Permission.USERS_READ)),
    APP_OPERATOR("ae2c9854-393b-4f97-8c42-479d70ce626e", "App Operator", EnumSet.of(
            Permission.DEVICES_READ, Permission.DEVICES_CREATE, Permission.DEVICES_UPDATE, Permission.DEVICES_DELETE,
            Permission.DEVICES_EXECUTE_COMMANDS, Permission.DEVICE_CREDENTIALS_READ));

    private final String id;
    private final String displayName;
    private final Set<Permission> permissions;

    BuiltInRole(String id, String displayName, Set<Permission> permissions) {
        this.id = id;
        this.displayName = displayName;
        this.permissions = Set.copyOf(permissions);
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public static Optional<BuiltInRole> byId(String id) {
        for (BuiltInRole role : values()) {
            if (role.id.equals(id)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
