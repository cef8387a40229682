package org.opencentral.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.api.contract.SpecResponses;
import org.opencentral.api.openapi.OpenApiDocument;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.LastValue;
import org.opencentral.platform.security.BuiltInRole;

/**
 * Calls every spec route of {@link ApiRoutes} (the table decides what must be covered: a route
 * without a case fails the test) and validates every response body, successes and errors, against
 * the official 2022-07-31 document's schema for that operation and status.
 */
@Timeout(120)
class ContractTest extends ScenarioApiTest {
    /**
     * Members we answer that the spec does not name, kept on purpose (definition → members). A role
     * also tells its kind, whether it is built in, and its permissions: the UI's role editor needs them,
     * and IoT Central's clients ignore unknown members. A relationship tells the name of the DTDL
     * Relationship it instantiates. A device tells its simulation interval when it has one, whether it is
     * connected and when it was last heard from (the web UI's device status). A refused device template
     * lists every model error with its JSON pointer ({@code details}), so that a client can show each
     * one where it is. A job's failed device tells why it failed; a scheduled job when its next
     * occurrence runs (the jobs list shows it). A file upload configuration tells whether users may read
     * the uploaded files (IoT Central's 2022-10-31-preview member).
     */
    static final Map<String, Set<String>> EXTENSIONS = Map.of("Role", Set.of("kind", "builtIn", "permissions"),
            "DeviceRelationship", Set.of("name"), "Device",
            Set.of("simulationInterval", "connected", "lastActivity"), "ErrorDetails", Set.of("details"),
            "JobDeviceStatus", Set.of("reason"), "ScheduledJob", Set.of("nextRun"), "FileUpload", Set.of("readAccess"));

    /**
     * Routes without a success here: OpenCentral devices have no IoT Edge modules (module-scoped paths
     * answer 404).
     */
    static final Set<String> NO_SUCCESS = noSuccess();

    private static Set<String> noSuccess() {
        Set<String> routes = new TreeSet<>();
        String module = "/devices/{deviceId}/modules/{moduleName}";
        String component = module + "/components/{componentName}";
        routes.addAll(List.of("GET " + module + "/components", "GET " + module + "/properties",
                "PUT " + module + "/properties", "PATCH " + module + "/properties",
                "GET " + module + "/telemetry/{telemetryName}", "POST " + module + "/commands/{commandName}",
                "GET " + module + "/commands/{commandName}", "GET " + component + "/properties",
                "PUT " + component + "/properties", "PATCH " + component + "/properties",
                "GET " + component + "/telemetry/{telemetryName}", "POST " + component + "/commands/{commandName}",
                "GET " + component + "/commands/{commandName}"));
        return Set.copyOf(routes);
    }

    final SpecResponses spec = new SpecResponses(OpenApiDocument.official(), EXTENSIONS);

    @BeforeEach
    void contractData() {
        platform.sessions.register(new AnsweringSession(DeviceId.of("c-dev"), platform.commands,
                (method, request) -> "{\"method\":\"" + method + "\",\"request\":" + request + "}"));
        ContractCases.gateway(platform);
        JobScenario.build(platform);
        Instant at = Instant.parse("2026-05-01T12:00:00Z");
        platform.state.lastValues().upsert(List.of(
                new LastValue(DeviceId.of("dev-root"), "", "temperature", Json.parse("21.5"), at),
                new LastValue(DeviceId.of("dev-root"), "c1", "humidity", Json.parse("{\"rh\":40}"), at)));
    }

    @Test
    void everySpecRouteHasACaseAndEveryResponseMatchesTheSpec() {
        List<ContractCases.Call> calls = new ContractCases().all();
        Set<String> covered = new TreeSet<>();
        calls.forEach(c -> covered.add(c.route()));
        Set<String> specRoutes = new TreeSet<>();
        platform.restRoutes().stream().filter(r -> !r.extension())
                .forEach(r -> specRoutes.add(r.method().name() + " " + r.path().substring("/api".length())));

        assertThat(specRoutes).as("spec routes of ApiRoutes without a contract case").isSubsetOf(covered);
        assertThat(covered).as("cases for routes the server does not have").isSubsetOf(specRoutes);
        covered.forEach(route -> assertThat(spec.has(method(route), path(route))).as(route).isTrue());

        List<String> problems = new ArrayList<>();
        ContractCases cases = new ContractCases();
        for (ContractCases.Call call : cases.all()) {
            String body = call.body().get();
            Http.Reply reply = admin.send(call.method(), "/api" + call.path()
                    + (call.path().contains("?") ? "&" : "?") + Http.V, body, null);
            cases.observe(call, reply.text().isBlank() ? MissingNode.getInstance() : reply.json());
            String what = call.method() + " " + call.path() + " -> " + reply.status();
            if (reply.status() != call.status()) {
                problems.add(what + ": expected " + call.status() + ", body " + reply.text());
            }
            spec.check(call.method(), call.specPath(), reply.status(), reply::header, reply.text())
                    .forEach(p -> problems.add(what + ": " + p));
        }
        assertThat(problems).as("responses that differ from the case or the spec").isEmpty();
        Set<String> withoutSuccess = new TreeSet<>(covered);
        calls.stream().filter(c -> c.status() < 300).forEach(c -> withoutSuccess.remove(c.route()));
        assertThat(withoutSuccess).as("routes whose success is not exercised").isEqualTo(NO_SUCCESS);
        assertThat(calls.stream().filter(c -> c.status() >= 400).map(ContractCases.Call::route).distinct().count())
                .as("routes exercised with an error").isGreaterThan(covered.size() * 2L / 3);
    }

    @Test
    void errorsOfTheEdgeHaveTheSpecsErrorBody() {
        Http anonymous = new Http(platform.port, null);
        Http operator = admin.as(platform.token("contract-operator", BuiltInRole.APP_OPERATOR));
        List<String> problems = new ArrayList<>();
        check(problems, anonymous.get("/api/devices?" + Http.V), 401, "GET", "/devices");
        check(problems, admin.as("SharedAccessSignature sr=x&sig=y&se=1&skn=z").get("/api/devices/dev-root?"
                + Http.V), 401, "GET", "/devices/{deviceId}");
        check(problems, operator.get("/api/users?" + Http.V), 403, "GET", "/users");
        check(problems, admin.get("/api/devices/dev-root"), 400, "GET", "/devices/{deviceId}");
        check(problems, admin.get("/api/devices/dev-root?api-version=1999-01-01"), 400, "GET", "/devices/{deviceId}");
        check(problems, admin.put("/api/devices/c-json?" + Http.V, "{not json"), 400, "PUT", "/devices/{deviceId}");
        check(problems, admin.send("PATCH", "/api/devices/dev-root?" + Http.V, "{}", "\"stale\""), 412, "PATCH",
                "/devices/{deviceId}");
        assertThat(problems).isEmpty();
    }

    private void check(List<String> problems, Http.Reply reply, int status, String method, String path) {
        String what = method + " " + path + " -> " + reply.status();
        if (reply.status() != status) {
            problems.add(what + ": expected " + status + ", body " + reply.text());
        }
        spec.check(method, path, reply.status(), reply::header, reply.text())
                .forEach(p -> problems.add(what + ": " + p));
    }

    private static String method(String route) {
        return route.substring(0, route.indexOf(' ')).toLowerCase(Locale.ROOT);
    }

    private static String path(String route) {
        return route.substring(route.indexOf(' ') + 1);
    }
}
