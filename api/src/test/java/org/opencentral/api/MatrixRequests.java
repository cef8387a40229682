package org.opencentral.api;

import java.util.Map;
import org.opencentral.api.http.Route;

/** One plausible request per route: path parameters filled in, and a body valid for the route. */
final class MatrixRequests {
    private static final Map<String, String> PARAMS = Map.ofEntries(Map.entry("{deviceId}", "dev-west"),
            Map.entry("{componentName}", "c1"), Map.entry("{commandName}", "reboot"),
            Map.entry("{telemetryName}", "temp"), Map.entry("{organizationId}", "seattle"),
            Map.entry("{userId}", "matrix-user"), Map.entry("{roleId}", "matrix-role"),
            Map.entry("{enrollmentGroupId}", "matrix-group"), Map.entry("{entry}", "primary"),
            Map.entry("{moduleName}", "matrix-module"), Map.entry("{relationshipId}", "matrix-rel"),
            Map.entry("{deviceTemplateId}", "dtmi:matrix:Template;1"), Map.entry("{deviceGroupId}", "matrix-group"),
            Map.entry("{ruleId}", "matrix-rule"), Map.entry("{actionIndex}", "0"),
            Map.entry("{exportId}", "matrix-export"), Map.entry("{destinationId}", "matrix-hook"),
            Map.entry("{jobId}", "matrix-job"), Map.entry("{rerunId}", "matrix-rerun"),
            Map.entry("{scheduledJobId}", "matrix-scheduled"), Map.entry("{dashboardId}", "matrix-dashboard"),
            Map.entry("{fileId}", "matrix-file"));
    private static final String ORG_VIEWER_IN_SEATTLE =
            "{\"role\":\"84cc62c1-dabe-49d3-b16e-8b291232b285\",\"organization\":\"seattle\"}";

    private MatrixRequests() {
    }

    static Http.Reply call(Http http, Route route, String caller) {
        String path = route.path();
        for (var p : PARAMS.entrySet()) {
            path = path.replace(p.getKey(), p.getValue());
        }
        path = path.replace("{tokenId}", "matrix-" + caller.replaceAll("[^A-Za-z0-9]", "-").toLowerCase());
        String method = route.method().name();
        // a stream of every job would stay open: name one (that does not exist: 404, past the access check)
        String query = path.equals("/api/live/jobs") ? "&jobs=matrix-job" : "";
        return http.send(method, path + "?" + Http.V + query, body(route), null);
    }

    private static String body(Route route) {
        String method = route.method().name();
        if (method.equals("GET") || method.equals("DELETE")) {
            return null;
        }
        String path = route.path();
        if (path.endsWith("/commands/{commandName}")) {
            return "{\"connectionTimeout\":0,\"responseTimeout\":5}";
        }
        if (path.endsWith("/messages")) {
            return "{\"data\":\"hi\"}";
        }
        if (path.startsWith("/api/organizations")) {
            return "{\"displayName\":\"Seattle\",\"parent\":\"west\"}";
        }
        if (path.startsWith("/api/users")) {
            return "{\"type\":\"email\",\"email\":\"matrix@example.com\",\"roles\":[" + ORG_VIEWER_IN_SEATTLE + "]}";
        }
        if (path.startsWith("/api/apiTokens")) {
            return "{\"roles\":[" + ORG_VIEWER_IN_SEATTLE + "]}";
        }
        if (path.startsWith("/api/roles")) {
            return "{\"displayName\":\"Matrix\",\"permissions\":[\"devices.view\"]}";
        }
        if (path.equals("/api/auth/login")) {
            return "{\"email\":\"nobody@example.com\",\"password\":\"not the password\"}";
        }
        if (path.contains("/relationships/")) {
            return "{\"target\":\"dev-root\"}";
        }
        if (path.startsWith("/api/dataExport/destinations")) {
            return "{\"displayName\":\"Matrix\",\"type\":\"webhook@v1\",\"url\":\"https://example.com/matrix\"}";
        }
        if (path.startsWith("/api/dataExport/exports")) {
            return "{\"displayName\":\"Matrix\",\"enabled\":false,\"source\":\"telemetry\",\"destinations\":[]}";
        }
        if (path.equals("/api/fileUploads")) {
            return "{\"connectionString\":\"AccountName=matrix;AccountKey=bWF0cml4\",\"container\":\"matrix\"}";
        }
        if (path.startsWith("/api/dashboards")) {
            return "{\"displayName\":\"Matrix\",\"personal\":true,\"tiles\":[]}";
        }
        if (path.startsWith("/api/deviceGroups")) {
            return "{\"displayName\":\"Matrix\",\"filter\":\"SELECT * FROM devices\",\"organizations\":[\"west\"]}";
        }
        if (path.equals("/api/jobs/{jobId}") || path.startsWith("/api/scheduledJobs")) {
            return "{\"group\":\"matrix-group\",\"data\":[{\"type\":\"command\",\"target\":\"dtmi:matrix:Template;1\","
                    + "\"path\":\"reboot\"}],\"schedule\":{\"start\":\"2099-01-01T00:00:00Z\"}}";
        }
        if (path.equals("/api/devices/{deviceId}")) {
            return "{\"displayName\":\"Matrix\"}";
        }
        return "{}";
    }
}
