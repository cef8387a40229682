package org.opencentral.platform.file;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.opencentral.core.DomainException;

/**
 * An Azure Storage account's connection string with a shared key
 * ({@code DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…;EndpointSuffix=…}, or with an explicit
 * {@code BlobEndpoint} such as Azurite's {@code http://127.0.0.1:10000/devstoreaccount1}): the key signs
 * the devices' SAS URIs, so a connection string without one is refused. {@link #masked()} is the same
 * string with the key replaced, the form every answer carries.
 *
 * @param text         the connection string as given
 * @param accountName  the account
 * @param accountKey   the account's key (base64)
 * @param blobEndpoint the blob service's address, without a trailing slash
 */
public record StorageConnectionString(String text, String accountName, String accountKey, URI blobEndpoint) {
    /** What answers show in place of the account key. */
    public static final String MASK = "********";
    private static final String KEY = "accountkey";

    public StorageConnectionString {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(accountName, "accountName");
        Objects.requireNonNull(accountKey, "accountKey");
        Objects.requireNonNull(blobEndpoint, "blobEndpoint");
    }

    /** Parses {@code text}; a 400 naming what is missing or malformed. */
    public static StorageConnectionString parse(String text) {
        Map<String, String> parts = parts(text);
        String name = required(parts, "accountname", "AccountName");
        String key = required(parts, KEY, "AccountKey");
        if (key.equals(MASK)) {
            throw DomainException.badRequest("connectionString: the AccountKey is the mask, not a key");
        }
        try {
            java.util.Base64.getDecoder().decode(key);
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest("connectionString: the AccountKey is not base64");
        }
        return new StorageConnectionString(text, name, key, endpoint(parts, name));
    }

    /** Never the key: the masked connection string. */
    @Override
    public String toString() {
        return "StorageConnectionString[" + masked() + "]";
    }

    /** The connection string with the account key masked. */
    public String masked() {
        StringBuilder out = new StringBuilder();
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = part.substring(0, eq).strip();
            out.append(name).append('=').append(name.equalsIgnoreCase(KEY) ? MASK : part.substring(eq + 1).strip())
                    .append(';');
        }
        return out.toString();
    }

    private static Map<String, String> parts(String text) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw DomainException.badRequest("connectionString: '" + (part.contains("=") ? part : "…")
                        + "' is not name=value");
            }
            parts.put(part.substring(0, eq).strip().toLowerCase(Locale.ROOT), part.substring(eq + 1).strip());
        }
        return parts;
    }

    private static String required(Map<String, String> parts, String key, String name) {
        String value = parts.get(key);
        if (value == null || value.isEmpty()) {
            throw DomainException.badRequest("connectionString: " + name + " is required");
        }
        return value;
    }

    private static URI endpoint(Map<String, String> parts, String account) {
        String given = parts.get("blobendpoint");
        String address = given != null ? given
                : parts.getOrDefault("defaultendpointsprotocol", "https") + "://" + account + ".blob."
                        + parts.getOrDefault("endpointsuffix", "core.windows.net");
        try {
            URI uri = new URI(address.endsWith("/") ? address.substring(0, address.length() - 1) : address);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw DomainException.badRequest("connectionString: the blob endpoint " + address
                        + " is not an http(s) address");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw DomainException.badRequest("connectionString: the blob endpoint " + address + " is not an address");
        }
    }
}
