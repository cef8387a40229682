package org.opencentral.transport.internal.connect;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.opencentral.transport.internal.topic.Decoded;

/**
 * Parses CONNECT usernames leniently (reference §1.2, §11): split at the first {@code /?} (or
 * before {@code api-version=} when the {@code ?} is missing), URL-decode parameters, accept any
 * api-version, {@code model-id} raw or encoded, ignore unknown parameters and malformed pairs.
 * Module usernames ({@code host/device/module/?…}) are refused: modules are not supported yet.
 */
public final class UsernameParser {
    private static final java.util.regex.Pattern DPS =
            java.util.regex.Pattern.compile("([^/?]+)/registrations/([^/?]+)(?:/\\??(?:api-version=.*)?)?");

    private UsernameParser() {
    }

    /**
     * A DPS username {@code {idScope}/registrations/{registrationId}/api-version=…&ClientVersion=…}
     * (no {@code ?}; a {@code /?} is tolerated): the ID scope and registration id, URL-decoded.
     */
    public static java.util.Optional<String[]> provisioning(String username) {
        if (username == null) {
            return java.util.Optional.empty();
        }
        java.util.regex.Matcher matcher = DPS.matcher(username);
        if (!matcher.matches()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new String[] {decode(matcher.group(1)), decode(matcher.group(2))});
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    public static Decoded<ConnectUsername> parse(String username) {
        if (username == null || username.isBlank()) {
            return Decoded.failed("missing username");
        }
        String path;
        String query;
        int question = username.indexOf("/?");
        int apiVersion = username.indexOf("/api-version=");
        if (question >= 0) {
            path = username.substring(0, question);
            query = username.substring(question + 2);
        } else if (apiVersion >= 0) {
            path = username.substring(0, apiVersion);
            query = username.substring(apiVersion + 1);
        } else {
            path = username.endsWith("/") ? username.substring(0, username.length() - 1) : username;
            query = "";
        }
        String[] segments = path.split("/", -1);
        if (segments.length == 3) {
            return Decoded.failed("module identities are not supported");
        }
        if (segments.length != 2 || segments[0].isEmpty() || segments[1].isEmpty()) {
            return Decoded.failed("username is not {host}/{deviceId}/?api-version=...");
        }
        return Decoded.ok(new ConnectUsername(segments[0], segments[1], parameter(query, "api-version"),
                parameter(query, "model-id")));
    }

    private static Optional<String> parameter(String query, String name) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name) && eq < pair.length() - 1) {
                String raw = pair.substring(eq + 1);
                try {
                    return Optional.of(URLDecoder.decode(raw, StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    return Optional.of(raw);
                }
            }
        }
        return Optional.empty();
    }
}
