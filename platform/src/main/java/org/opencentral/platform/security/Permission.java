package org.opencentral.platform.security;

/**
 * What a principal may do. Grows with the API (issue: the permission catalogue of IoT Central's
 * custom roles); every REST route names exactly one.
 */
public enum Permission {
    DEVICES_READ,
    DEVICES_CREATE,
    DEVICES_UPDATE,
    DEVICES_DELETE,
    DEVICES_EXECUTE_COMMANDS,
    DEVICE_CREDENTIALS_READ,
    API_TOKENS_READ,
    API_TOKENS_MANAGE,
    USERS_READ,
    USERS_MANAGE
}
