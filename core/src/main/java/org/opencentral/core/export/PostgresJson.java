package org.opencentral.core.export;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code postgresql@v1}'s members: {@code url} (a JDBC URL), {@code username}, {@code password} (a
 * secret in slot {@code password}) and {@code table}.
 */
final class PostgresJson {
    private static final String SLOT = "password";

    private PostgresJson() {
    }

    static void write(ObjectNode json, PostgresDestination p, SecretSlots secrets) {
        json.put("url", p.url()).put("username", p.username())
                .put("password", secrets.write(p.id(), SLOT, p.password())).put("table", p.table());
    }

    static PostgresDestination read(String id, String displayName, ObjectNode json, SecretSlots secrets) {
        return new PostgresDestination(id, displayName, DestinationJson.required(json, "url"),
                DestinationJson.required(json, "username"),
                secrets.read(id, SLOT, DestinationJson.required(json, "password")),
                DestinationJson.required(json, "table"));
    }
}
