package org.opencentral.api.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Objects;
import org.opencentral.api.http.ApiCall;
import org.opencentral.api.http.ApiError;
import org.opencentral.api.http.ApiVersions;
import org.opencentral.core.DomainException;
import org.opencentral.core.Json;
import org.opencentral.platform.query.service.QueryService;
import org.opencentral.platform.security.Permission;

/** Runs one query for the caller, over the devices the caller may view. */
public final class QueryHandlers {
    /** The permission of the query route: the catalogue's "Device instances: View". */
    public static final Permission PERMISSION = Permission.DEVICES_VIEW;

    private final QueryService queries;

    public QueryHandlers(QueryService queries) {
        this.queries = Objects.requireNonNull(queries);
    }

    public void run(ApiCall call) throws IOException {
        if (!call.query("api-version").filter(ApiVersions.PREVIEW::equals).isPresent()) {
            throw new ApiError(400, "InvalidApiVersion", "the query API needs api-version=" + ApiVersions.PREVIEW);
        }
        JsonNode text = call.bodyObject().path("query");
        if (!text.isTextual()) {
            throw DomainException.badRequest("the body must be {\"query\": \"SELECT ...\"}");
        }
        ArrayNode results = Json.object().arrayNode();
        queries.run(text.textValue(), call.scope(PERMISSION)).forEach(results::add);
        ObjectNode body = Json.object();
        body.set("results", results);
        call.json(200, body);
    }
}
