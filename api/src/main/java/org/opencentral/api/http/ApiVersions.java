package org.opencentral.api.http;

import java.util.Optional;
import java.util.Set;

/** The {@code api-version} query parameter every {@code /api} call must carry. */
public final class ApiVersions {
    public static final String STABLE = "2022-07-31";
    public static final String PREVIEW = "2022-10-31-preview";
    public static final Set<String> SUPPORTED = Set.of(STABLE, PREVIEW);

    private ApiVersions() {
    }

    /** The version asked for; 400 {@code MissingApiVersion} or {@code InvalidApiVersion} otherwise. */
    public static String require(Optional<String> value) {
        if (value.isEmpty() || value.get().isBlank()) {
            throw new ApiError(400, "MissingApiVersion",
                    "the api-version query parameter is required; supported: " + STABLE + ", " + PREVIEW);
        }
        if (!SUPPORTED.contains(value.get())) {
            throw new ApiError(400, "InvalidApiVersion", "api-version '" + value.get()
                    + "' is not supported; supported: " + STABLE + ", " + PREVIEW);
        }
        return value.get();
    }
}
