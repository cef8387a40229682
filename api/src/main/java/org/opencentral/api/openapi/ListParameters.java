package org.opencentral.api.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.opencentral.core.Json;

/**
 * The query options of the filtered lists, which the official document only mentions in prose
 * ("basic ODATA support"): added to the served operations so clients can see what each accepts.
 */
final class ListParameters {
    /** List path → the fields its $filter and $orderby accept. */
    private static final Map<String, String> LISTS = Map.of(
            "/devices", "id, displayName, template, enabled, provisioned, simulated, organizations, connected "
                    + "(extension), lastActivity (extension; date-time)",
            "/deviceTemplates", "id, displayName");

    private ListParameters() {
    }

    /** Adds the list options to {@code operation} if {@code path}'s GET is a filtered list. */
    static void addTo(String path, String verb, ObjectNode operation) {
        String fields = LISTS.get(path);
        if (fields == null || !verb.equals("get")) {
            return;
        }
        ArrayNode parameters = operation.withArray("parameters");
        parameters.add(query("$filter", "OData filter over " + fields + ": eq ne gt ge lt le, and or not, "
                + "parentheses, 'text' (with '' for a quote), true/false/null, date-times, and "
                + "contains/startswith/endswith(field,'text') matching case-insensitively; "
                + "organizations/any(o: o eq 'id') is accepted too."));
        parameters.add(query("$orderby", "One field of " + fields.replace(", organizations", "")
                + ", then asc (default) or desc; ties are broken by id."));
        parameters.add(query("$top", "Page size, 1..1000 (default 100); same as maxpagesize.").put("type",
                "integer"));
        parameters.add(query("maxpagesize", "Page size, 1..1000 (default 100).").put("type", "integer"));
        parameters.add(query("$skiptoken", "Cursor of the next page; follow nextLink, which repeats $filter "
                + "and $orderby."));
    }

    private static ObjectNode query(String name, String description) {
        ObjectNode parameter = Json.object();
        parameter.put("name", name).put("in", "query").put("required", false).put("type", "string")
                .put("description", description);
        return parameter;
    }
}
