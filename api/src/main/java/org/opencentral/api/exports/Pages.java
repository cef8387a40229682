package org.opencentral.api.exports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.opencentral.api.devices.DevicePaging;
import org.opencentral.api.http.ApiCall;
import org.opencentral.core.Json;
import org.opencentral.core.store.Page;

/** What the export and destination handlers share: keyset-paged lists with nextLink, merge-patch bodies. */
final class Pages {
    private Pages() {
    }

    /** Answers one page of a list ({@code maxpagesize}/{@code $top}, {@code $skiptoken}), with nextLink. */
    static <T> void answer(ApiCall call, BiFunction<Optional<String>, Integer, Page<T>> read,
            Function<T, ObjectNode> toJson) {
        DevicePaging paging = DevicePaging.of(call.query("maxpagesize"), call.query("$top"),
                call.query(DevicePaging.SKIP_TOKEN), call.query("$filter"), call.query("$orderby"));
        Page<T> page = read.apply(paging.after(), paging.size());
        ObjectNode body = Json.object();
        ArrayNode value = body.putArray("value");
        page.items().forEach(item -> value.add(toJson.apply(item)));
        page.next().ifPresent(next -> body.put("nextLink",
                paging.nextLink(call.url(), call.query("api-version").orElseThrow(), next)));
        call.json(200, body);
    }

    /** A PATCH body: a JSON object, applied as a merge patch (its {@code id} is read-only and ignored). */
    static JsonNode patchObject(ApiCall call) throws IOException {
        return call.bodyObject();
    }
}
