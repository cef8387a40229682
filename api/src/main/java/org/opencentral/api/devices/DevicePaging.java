package org.opencentral.api.devices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.opencentral.api.http.ApiCall;
import org.opencentral.api.http.ApiError;
import org.opencentral.core.Json;
import org.opencentral.platform.device.DeviceRegistry;

/**
 * Keyset paging of device lists. The page size comes from {@code maxpagesize} or OData's
 * {@code $top} (1..{@value DeviceRegistry#MAX_PAGE}, default {@value #DEFAULT_PAGE}); the cursor
 * travels in {@code $skiptoken} as an opaque base64url token, and {@code nextLink} is the full URL
 * of the next page. Lists without filtering ({@link #of(Optional, Optional, Optional, Optional, Optional)})
 * refuse {@code $filter} and {@code $orderby} (400) rather than ignore them; filtered lists read
 * them with {@link org.opencentral.api.odata.ListOptions} and carry them into {@code nextLink}.
 */
public record DevicePaging(int size, Optional<String> after) {
    public static final int DEFAULT_PAGE = 100;
    public static final String SKIP_TOKEN = "$skiptoken";

    /** Reads the paging parameters of a request. */
    public static DevicePaging of(Optional<String> maxPageSize, Optional<String> top, Optional<String> skipToken,
            Optional<String> filter, Optional<String> orderBy) {
        if (filter.isPresent() || orderBy.isPresent()) {
            throw ApiError.badRequest((filter.isPresent() ? "$filter" : "$orderby")
                    + " is not supported on this list; page with maxpagesize/$top and nextLink");
        }
        return of(maxPageSize, top, skipToken);
    }

    /** The paging parameters of a list without {@code $filter} or {@code $orderby}. */
    public static DevicePaging of(ApiCall call) {
        return of(call.query("maxpagesize"), call.query("$top"), call.query(SKIP_TOKEN), call.query("$filter"),
                call.query("$orderby"));
    }

    /** Answers 200 with one page: {@code value} and, when there is more, {@code nextLink}. */
    public void answer(ApiCall call, List<? extends JsonNode> items, Optional<String> next) {
        ObjectNode body = Json.object();
        body.putArray("value").addAll(items);
        next.ifPresent(n -> body.put("nextLink", nextLink(call.url(), call.query("api-version").orElseThrow(), n)));
        call.json(200, body);
    }

    /** Reads the paging parameters of a request whose other query options are read elsewhere. */
    public static DevicePaging of(Optional<String> maxPageSize, Optional<String> top, Optional<String> skipToken) {
        Optional<Integer> fromMax = maxPageSize.map(v -> size("maxpagesize", v));
        Optional<Integer> fromTop = top.map(v -> size("$top", v));
        if (fromMax.isPresent() && fromTop.isPresent() && !fromMax.equals(fromTop)) {
            throw ApiError.badRequest("maxpagesize and $top disagree; send one of them");
        }
        int size = fromMax.or(() -> fromTop).orElse(DEFAULT_PAGE);
        return new DevicePaging(size, skipToken.map(DevicePaging::decode));
    }

    /** The URL of the page after the one that ended with cursor {@code next}. */
    public String nextLink(String url, String apiVersion, String next) {
        return nextLink(url, apiVersion, next, Map.of());
    }

    /** Like {@link #nextLink(String, String, String)}, repeating the query options {@code carried}. */
    public String nextLink(String url, String apiVersion, String next, Map<String, String> carried) {
        StringBuilder link = new StringBuilder(url).append("?api-version=").append(encode(apiVersion));
        new TreeMap<>(carried).forEach((name, value) -> link.append('&').append(encode(name)).append('=')
                .append(encode(value)));
        return link.append("&maxpagesize=").append(size).append('&').append(encode(SKIP_TOKEN)).append('=')
                .append(encode(Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(next.getBytes(StandardCharsets.UTF_8)))).toString();
    }

    private static int size(String name, String value) {
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be an integer");
        }
        if (n < 1 || n > DeviceRegistry.MAX_PAGE) {
            throw ApiError.badRequest(name + " must be between 1 and " + DeviceRegistry.MAX_PAGE);
        }
        return n;
    }

    private static String decode(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("invalid " + SKIP_TOKEN + "; follow nextLink as given");
        }
    }

    /** Percent-encodes a query component; a space becomes %20, which every decoder reads alike. */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
