package org.opencentral.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.opencentral.api.contract.TestCertificates;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.template.DeviceTemplate;
import org.opencentral.platform.device.DeviceChanges;
import org.opencentral.platform.security.BuiltInRole;
import org.opencentral.platform.template.TemplateDraft;

/**
 * The contract test's calls, run in order over {@link Scenario}'s application: for every route of
 * the spec, a success where one can be produced here and the errors a client meets (not found,
 * invalid body, precondition failed). {@code route} names the spec operation ("PUT /devices/{deviceId}");
 * {@code path} is the concrete path under /api.
 */
final class ContractCases {
    private static final String KEYS = "{\"primaryKey\":\"cHJpbWFyeS1rZXktb2YtdGhlLWdyb3VwLTEyMzQ1Njc4OTA=\","
            + "\"secondaryKey\":\"c2Vjb25kYXJ5LWtleS1vZi10aGUtZ3JvdXAtMTIzNDU2Nzg5MA==\"}";
    private static final String ORG_ROLE = "{\"role\":\"" + BuiltInRole.ORG_VIEWER.id() + "\",\"organization\":\"west\"}";
    private static final String STORAGE = "DefaultEndpointsProtocol=https;AccountName=contoso;"
            + "AccountKey=c2VjcmV0LWtleS1vZi10aGUtYWNjb3VudA==;EndpointSuffix=core.windows.net";
    private static final String OPERATOR = "{\"role\":\"" + BuiltInRole.APP_OPERATOR.id() + "\"}";

    record Call(String route, String path, Supplier<String> body, int status) {
        String method() {
            return route.substring(0, route.indexOf(' '));
        }

        String specPath() {
            return route.substring(route.indexOf(' ') + 1);
        }
    }

    private final TestCertificates certificates = new TestCertificates();
    private final AtomicReference<String> verificationCode = new AtomicReference<>("none yet");
    private final List<Call> calls = new ArrayList<>();

    /** Lets later calls use what an earlier one answered (the verification code). */
    void observe(Call call, JsonNode body) {
        if (call.route().endsWith("/generateVerificationCode") && body.has("verificationCode")) {
            verificationCode.set(body.get("verificationCode").asText());
        }
    }

    List<Call> all() {
        devices();
        capabilities();
        structure();
        relationships();
        deviceGroups();
        jobs();
        security();
        provisioning();
        templates();
        fileUploads();
        return List.copyOf(calls);
    }

    private void devices() {
        call("GET /devices", "/devices?maxpagesize=2", null, 200);
        call("GET /devices", "/devices?maxpagesize=0", null, 400);
        call("GET /devices", "/devices?maxpagesize=2&%24filter=" + query("contains(id,'dev') and enabled eq true")
                + "&%24orderby=" + query("displayName desc"), null, 200);
        call("GET /devices", "/devices?%24filter=" + query("colour eq 'red'"), null, 400);
        call("GET /devices", "/devices?%24orderby=organizations", null, 400);
        call("PUT /devices/{deviceId}", "/devices/c-dev", "{\"displayName\":\"Contract\",\"simulated\":true,"
                + "\"organizations\":[\"west\"],\"simulationInterval\":\"PT5S\"}", 200);
        call("PUT /devices/{deviceId}", "/devices/c-bad", "{\"enabled\":\"yes\"}", 400);
        call("GET /devices/{deviceId}", "/devices/c-dev", null, 200);
        call("GET /devices/{deviceId}", "/devices/missing", null, 404);
        call("PATCH /devices/{deviceId}", "/devices/c-dev", "{\"displayName\":\"Renamed\",\"enabled\":false}", 200);
        call("PATCH /devices/{deviceId}", "/devices/c-dev", "{\"etag\":\"stale\",\"displayName\":\"x\"}", 412);
        call("PATCH /devices/{deviceId}", "/devices/c-dev", "{\"simulationInterval\":\"PT0.1S\"}", 400);
        call("GET /devices/{deviceId}/credentials", "/devices/c-dev/credentials", null, 200);
        call("GET /devices/{deviceId}/credentials", "/devices/missing/credentials", null, 404);
        call("PUT /devices/{deviceId}", "/devices/c-gone", "{}", 200);
        call("DELETE /devices/{deviceId}", "/devices/c-gone", null, 204);
        call("DELETE /devices/{deviceId}", "/devices/c-gone", null, 404);
    }

    private void capabilities() {
        String component = "/devices/c-dev/components/c1";
        call("GET /devices/{deviceId}/properties", "/devices/c-dev/properties", null, 200);
        call("GET /devices/{deviceId}/properties", "/devices/missing/properties", null, 404);
        call("PUT /devices/{deviceId}/properties", "/devices/c-dev/properties", "{\"interval\":5}", 202);
        call("PUT /devices/{deviceId}/properties", "/devices/c-dev/properties", "[1]", 400);
        call("PATCH /devices/{deviceId}/properties", "/devices/c-dev/properties", "{\"interval\":6}", 202);
        call("PATCH /devices/{deviceId}/properties", "/devices/missing/properties", "{\"interval\":6}", 404);
        String props = "/devices/{deviceId}/components/{componentName}/properties";
        call("GET " + props, component + "/properties", null, 200);
        call("GET " + props, "/devices/missing/components/c1/properties", null, 404);
        call("PUT " + props, component + "/properties", "{\"level\":1}", 202);
        call("PUT " + props, component + "/properties", "[1]", 400);
        call("PATCH " + props, component + "/properties", "{\"level\":2}", 202);
        call("PATCH " + props, "/devices/missing/components/c1/properties", "{\"level\":2}", 404);
        call("POST /devices/{deviceId}/commands/{commandName}", "/devices/c-dev/commands/reboot",
                "{\"request\":{\"delay\":1},\"responseTimeout\":5}", 201);
        call("POST /devices/{deviceId}/commands/{commandName}", "/devices/dev-root/commands/reboot", "{}", 404);
        call("POST /devices/{deviceId}/commands/{commandName}", "/devices/c-dev/commands/reboot",
                "{\"responseTimeout\":60}", 400);
        String componentCommand = "/devices/{deviceId}/components/{componentName}/commands/{commandName}";
        call("POST " + componentCommand, component + "/commands/reset", "{\"request\":\"now\"}", 201);
        call("POST " + componentCommand, "/devices/missing/components/c1/commands/reset", "{}", 404);
        String history = "GET /devices/{deviceId}/commands/{commandName}";
        call(history, "/devices/c-dev/commands/reboot", null, 200);
        call(history, "/devices/c-dev/commands/reboot?maxpagesize=1", null, 200);
        call(history, "/devices/missing/commands/reboot", null, 404);
        call(history, "/devices/c-dev/commands/reboot?maxpagesize=101", null, 400);
        call("GET " + componentCommand, component + "/commands/reset", null, 200);
        call("GET " + componentCommand, "/devices/missing/components/c1/commands/reset", null, 404);
        call("GET /devices/{deviceId}/telemetry/{telemetryName}", "/devices/dev-root/telemetry/temperature", null, 200);
        call("GET /devices/{deviceId}/telemetry/{telemetryName}", "/devices/missing/telemetry/temperature", null, 404);
        call("GET /devices/{deviceId}/components/{componentName}/telemetry/{telemetryName}",
                "/devices/dev-root/components/c1/telemetry/humidity", null, 200);
        call("GET /devices/{deviceId}/components/{componentName}/telemetry/{telemetryName}",
                "/devices/dev-root/components/c1/telemetry/pressure", null, 404);
    }

    private void structure() {
        call("GET /devices/{deviceId}/components", "/devices/c-dev/components", null, 200);
        call("GET /devices/{deviceId}/components", "/devices/missing/components", null, 404);
        call("GET /devices/{deviceId}/modules", "/devices/c-dev/modules", null, 200);
        call("GET /devices/{deviceId}/modules", "/devices/missing/modules", null, 404);
        // OpenCentral devices have no IoT Edge modules: every module-scoped path answers 404 (see ContractTest).
        String module = "/devices/{deviceId}/modules/{moduleName}";
        String moduleComponent = module + "/components/{componentName}";
        String at = "/devices/c-dev/modules/edge";
        call("GET " + module + "/components", at + "/components", null, 404);
        call("GET " + module + "/properties", at + "/properties", null, 404);
        call("PUT " + module + "/properties", at + "/properties", "{\"interval\":5}", 404);
        call("PATCH " + module + "/properties", at + "/properties", "{\"interval\":5}", 404);
        call("GET " + module + "/telemetry/{telemetryName}", at + "/telemetry/temperature", null, 404);
        call("POST " + module + "/commands/{commandName}", at + "/commands/reboot", "{}", 404);
        call("GET " + module + "/commands/{commandName}", at + "/commands/reboot", null, 404);
        call("GET " + moduleComponent + "/properties", at + "/components/c1/properties", null, 404);
        call("PUT " + moduleComponent + "/properties", at + "/components/c1/properties", "{\"level\":1}", 404);
        call("PATCH " + moduleComponent + "/properties", at + "/components/c1/properties", "{\"level\":1}", 404);
        call("GET " + moduleComponent + "/telemetry/{telemetryName}", at + "/components/c1/telemetry/humidity",
                null, 404);
        call("POST " + moduleComponent + "/commands/{commandName}", at + "/components/c1/commands/reset", "{}", 404);
        call("GET " + moduleComponent + "/commands/{commandName}", at + "/components/c1/commands/reset", null, 404);
    }

    private void relationships() {
        String one = "/devices/{deviceId}/relationships/{relationshipId}";
        String rel = "/devices/c-dev/relationships/c-rel";
        call("PUT " + one, rel, "{\"source\":\"c-dev\",\"target\":\"dev-root\"}", 200);
        call("PUT " + one, "/devices/c-dev/relationships/c-self", "{\"target\":\"c-dev\"}", 400);
        call("PUT " + one, "/devices/c-dev/relationships/c-none", "{\"target\":\"missing\"}", 400);
        call("GET /devices/{deviceId}/relationships", "/devices/c-dev/relationships?maxpagesize=1", null, 200);
        call("GET /devices/{deviceId}/relationships", "/devices/missing/relationships", null, 404);
        call("GET " + one, rel, null, 200);
        call("GET " + one, "/devices/c-dev/relationships/missing", null, 404);
        call("PATCH " + one, rel, "{\"target\":\"dev-east\"}", 200);
        call("PATCH " + one, "/devices/c-dev/relationships/missing", "{\"target\":\"dev-east\"}", 404);
        call("DELETE " + one, rel, null, 204);
        call("DELETE " + one, rel, null, 404);
        String child = "/devices/c-gw/relationships/c-child";
        call("PUT " + one, child, "{\"target\":\"dev-root\",\"name\":\"bogus\"}", 400);
        call("PUT " + one, child, "{\"target\":\"dev-root\"}", 400);
        call("PUT " + one, child, "{\"target\":\"dev-root\",\"name\":\"children\"}", 200);
        call("PATCH " + one, child, "{\"name\":\"sensors\"}", 400);
    }

    private void deviceGroups() {
        String one = "/deviceGroups/{deviceGroupId}";
        String group = "/deviceGroups/c-group";
        String simulated = "{\"displayName\":\"Simulated\",\"filter\":\"SELECT * FROM devices WHERE $simulated = true\","
                + "\"description\":\"every simulated device\",\"organizations\":[\"west\"]}";
        call("PUT " + one, group, simulated, 200);
        call("PUT " + one, "/deviceGroups/c-bad", "{\"displayName\":\"Bad\",\"filter\":\"SELECT * FROM devices WHERE\"}",
                400);
        call("PUT " + one, "/deviceGroups/c-bad", "{\"displayName\":\"No filter\"}", 400);
        call("PUT " + one, "/deviceGroups/bad%20id", simulated, 400);
        call("GET /deviceGroups", "/deviceGroups?maxpagesize=1", null, 200);
        call("GET /deviceGroups", "/deviceGroups?maxpagesize=0", null, 400);
        call("GET " + one, group, null, 200);
        call("GET " + one, "/deviceGroups/missing", null, 404);
        call("PATCH " + one, group, "{\"displayName\":\"Simulated devices\"}", 200);
        call("PATCH " + one, group, "{\"filter\":\"SELECT * FROM devices WHERE $simulated = 'yes'\"}", 400);
        call("PATCH " + one, "/deviceGroups/missing", "{\"displayName\":\"x\"}", 404);
        call("GET " + one + "/devices", group + "/devices?maxpagesize=1", null, 200);
        call("GET " + one + "/devices", "/deviceGroups/missing/devices", null, 404);
        call("DELETE " + one, group, null, 204);
        call("DELETE " + one, group, null, 404);
    }

    private void templates() {
        String one = "/deviceTemplates/{deviceTemplateId}";
        String sensor = "/deviceTemplates/dtmi%3Acontract%3ASensor%3B1";
        call("PUT " + one, sensor, SimulationIntervalApiTest.TEMPLATE, 200);
        call("PUT " + one, "/deviceTemplates/dtmi%3Acontract%3ABad%3B1", "{\"displayName\":\"Bad\"}", 400);
        call("GET /deviceTemplates", "/deviceTemplates", null, 200);
        call("GET " + one, sensor, null, 200);
        call("GET " + one, "/deviceTemplates/dtmi%3Acontract%3AMissing%3B1", null, 404);
        call("PATCH " + one, sensor, "{\"displayName\":\"Renamed sensor\"}", 200);
        call("DELETE " + one, sensor, null, 204);
        call("DELETE " + one, sensor, null, 404);
    }

    /** Over {@link JobScenario}: the finished job c-done (one device failed) and a new job c-job. */
    private void jobs() {
        String one = "/jobs/{jobId}";
        call("PUT " + one, "/jobs/c-job", JobScenario.REBOOT, 200);
        call("PUT " + one, "/jobs/c-done", JobScenario.REBOOT, 409);
        call("PUT " + one, "/jobs/c-bad", "{\"group\":\"" + JobScenario.GROUP + "\",\"data\":[]}", 400);
        call("PUT " + one, "/jobs/c-bad", JobScenario.REBOOT.replace(JobScenario.GROUP, "missing"), 400);
        call("GET /jobs", "/jobs?maxpagesize=1", null, 200);
        call("GET /jobs", "/jobs?maxpagesize=0", null, 400);
        call("GET " + one, "/jobs/c-done", null, 200);
        call("GET " + one, "/jobs/missing", null, 404);
        call("GET " + one + "/devices", "/jobs/c-done/devices", null, 200);
        call("GET " + one + "/devices", "/jobs/missing/devices", null, 404);
        call("POST " + one + "/stop", "/jobs/c-job/stop", null, 204);
        call("POST " + one + "/stop", "/jobs/c-job/stop", null, 409);
        call("POST " + one + "/stop", "/jobs/missing/stop", null, 404);
        call("POST " + one + "/resume", "/jobs/c-job/resume", null, 204);
        call("POST " + one + "/resume", "/jobs/c-job/resume", null, 409);
        call("POST " + one + "/resume", "/jobs/missing/resume", null, 404);
        String rerun = one + "/rerun/{rerunId}";
        call("PUT " + rerun, "/jobs/c-done/rerun/c-rerun", null, 200);
        call("PUT " + rerun, "/jobs/c-job/rerun/c-rerun-2", null, 409);
        call("PUT " + rerun, "/jobs/missing/rerun/c-rerun-3", null, 404);
        scheduledJobs();
    }

    private void scheduledJobs() {
        String one = "/scheduledJobs/{scheduledJobId}";
        String nightly = JobScenario.REBOOT.replace("\"data\"", "\"schedule\":{\"recurrence\":\"daily\","
                + "\"start\":\"2099-01-01T02:00:00Z\",\"end\":{\"type\":\"occurrences\",\"occurrences\":3}},\"data\"");
        call("PUT " + one, "/scheduledJobs/c-nightly", nightly, 200);
        call("PUT " + one, "/scheduledJobs/c-bad", JobScenario.REBOOT, 400);
        call("PUT " + one, "/scheduledJobs/c-bad", nightly.replace("daily", "hourly"), 400);
        call("GET /scheduledJobs", "/scheduledJobs?maxpagesize=1", null, 200);
        call("GET /scheduledJobs", "/scheduledJobs?maxpagesize=0", null, 400);
        call("GET " + one, "/scheduledJobs/c-nightly", null, 200);
        call("GET " + one, "/scheduledJobs/missing", null, 404);
        call("PATCH " + one, "/scheduledJobs/c-nightly", "{\"enabled\":false}", 200);
        call("PATCH " + one, "/scheduledJobs/c-nightly", "{\"etag\":\"stale\",\"enabled\":true}", 412);
        call("PATCH " + one, "/scheduledJobs/missing", "{\"enabled\":false}", 404);
        call("GET " + one + "/jobs", "/scheduledJobs/c-nightly/jobs", null, 200);
        call("GET " + one + "/jobs", "/scheduledJobs/missing/jobs", null, 404);
        call("DELETE " + one, "/scheduledJobs/c-nightly", null, 204);
        call("DELETE " + one, "/scheduledJobs/c-nightly", null, 404);
    }

    /** Device c-gw, whose template declares the relationships "children" and "parent". */
    static void gateway(TestPlatform platform) {
        platform.templateService.publish("dtmi:contoso:Gateway;1", new TemplateDraft(
                DeviceTemplate.DEFAULT_TYPES, Optional.empty(), Optional.empty(),
                Optional.of(Json.parseObject("{\"@id\":\"dtmi:contoso:cm:Gateway;1\","
                        + "\"@type\":\"Interface\",\"@context\":\"dtmi:dtdl:context;2\",\"contents\":["
                        + "{\"@type\":\"Relationship\",\"name\":\"children\"},"
                        + "{\"@type\":\"Relationship\",\"name\":\"parent\"}]}"))));
        platform.devices.create(DeviceId.of("c-gw"), new DeviceChanges(Optional.empty(),
                Optional.of("dtmi:contoso:Gateway;1"), Optional.empty(), Optional.empty()));
    }

    private void security() {
        call("GET /roles", "/roles", null, 200);
        call("GET /roles/{roleId}", "/roles/ae2c9854-393b-4f97-8c42-479d70ce626e", null, 200);
        call("GET /roles/{roleId}", "/roles/missing", null, 404);
        String org = "/organizations/{organizationId}";
        call("PUT " + org, "/organizations/c-org", "{\"displayName\":\"Contract\",\"parent\":\"west\"}", 200);
        call("PUT " + org, "/organizations/c-bad", "{\"parent\":\"west\"}", 400);
        call("GET /organizations", "/organizations", null, 200);
        call("GET " + org, "/organizations/c-org", null, 200);
        call("GET " + org, "/organizations/missing", null, 404);
        call("PATCH " + org, "/organizations/c-org", "{\"displayName\":\"Renamed\"}", 200);
        call("PATCH " + org, "/organizations/missing", "{\"displayName\":\"Renamed\"}", 404);
        call("DELETE " + org, "/organizations/c-org", null, 204);
        call("DELETE " + org, "/organizations/c-org", null, 404);
        String user = "/users/{userId}";
        call("PUT " + user, "/users/c-user", "{\"type\":\"email\",\"email\":\"c@example.com\",\"roles\":["
                + ORG_ROLE + "]}", 200);
        call("PUT " + user, "/users/c-sp", "{\"type\":\"servicePrincipal\",\"tenantId\":\"t\",\"objectId\":\"o\","
                + "\"roles\":[" + OPERATOR + "]}", 400);
        call("GET /users", "/users", null, 200);
        call("GET " + user, "/users/c-user", null, 200);
        call("GET " + user, "/users/missing", null, 404);
        call("PATCH " + user, "/users/c-user", "{\"roles\":[" + OPERATOR + "]}", 200);
        call("PATCH " + user, "/users/missing", "{\"roles\":[" + OPERATOR + "]}", 404);
        call("DELETE " + user, "/users/c-user", null, 204);
        call("DELETE " + user, "/users/c-user", null, 404);
        String token = "/apiTokens/{tokenId}";
        call("PUT " + token, "/apiTokens/c-token", "{\"roles\":[" + OPERATOR + "],\"expiry\":\""
                + Instant.now().plus(Duration.ofDays(30)) + "\"}", 200);
        call("PUT " + token, "/apiTokens/c-bad", "{\"roles\":[]}", 400);
        call("GET /apiTokens", "/apiTokens", null, 200);
        call("GET " + token, "/apiTokens/c-token", null, 200);
        call("GET " + token, "/apiTokens/missing", null, 404);
        call("DELETE " + token, "/apiTokens/c-token", null, 204);
        call("DELETE " + token, "/apiTokens/c-token", null, 404);
    }

    private void provisioning() {
        String group = "/enrollmentGroups/{enrollmentGroupId}";
        call("PUT " + group, "/enrollmentGroups/c-sas", "{\"displayName\":\"Keys\",\"type\":\"iot\",\"attestation\":"
                + "{\"type\":\"symmetricKey\",\"symmetricKey\":" + KEYS + "}}", 200);
        call("PUT " + group, "/enrollmentGroups/c-x509", "{\"displayName\":\"Certs\",\"type\":\"iot\",\"attestation\":"
                + "{\"type\":\"x509\"}}", 200);
        call("PUT " + group, "/enrollmentGroups/c-bad", "{\"displayName\":\"Bad\",\"attestation\":{\"type\":\"tpm\"}}",
                400);
        call("GET /enrollmentGroups", "/enrollmentGroups", null, 200);
        call("GET " + group, "/enrollmentGroups/c-sas", null, 200);
        call("GET " + group, "/enrollmentGroups/missing", null, 404);
        call("PATCH " + group, "/enrollmentGroups/c-sas", "{\"enabled\":false}", 200);
        call("PATCH " + group, "/enrollmentGroups/missing", "{\"enabled\":false}", 404);
        String certificate = group + "/certificates/{entry}";
        String primary = "/enrollmentGroups/c-x509/certificates/primary";
        callLater("PUT " + certificate, primary, () -> json("certificate", certificates.ca()), 200);
        call("PUT " + certificate, "/enrollmentGroups/c-x509/certificates/secondary", "{\"certificate\":\"nope\"}", 400);
        call("GET " + certificate, primary, null, 200);
        call("GET " + certificate, "/enrollmentGroups/c-x509/certificates/secondary", null, 404);
        call("POST " + certificate + "/generateVerificationCode", primary + "/generateVerificationCode", null, 200);
        call("POST " + certificate + "/generateVerificationCode",
                "/enrollmentGroups/missing/certificates/primary/generateVerificationCode", null, 404);
        callLater("POST " + certificate + "/verify", primary + "/verify",
                () -> json("certificate", certificates.signed("wrong-code")), 400);
        callLater("POST " + certificate + "/verify", primary + "/verify",
                () -> json("certificate", certificates.signed(verificationCode.get())), 204);
        call("DELETE " + certificate, primary, null, 204);
        call("DELETE " + certificate, "/enrollmentGroups/missing/certificates/primary", null, 404);
        call("DELETE " + group, "/enrollmentGroups/c-x509", null, 204);
        call("DELETE " + group, "/enrollmentGroups/c-x509", null, 404);
        String attestation = "/devices/{deviceId}/attestation";
        String sas = "{\"type\":\"symmetricKey\",\"symmetricKey\":" + KEYS + "}";
        call("PUT " + attestation, "/devices/c-dev/attestation", sas, 200);
        call("PUT " + attestation, "/devices/c-dev/attestation", "{\"type\":\"tpm\"}", 400);
        call("PATCH " + attestation, "/devices/c-dev/attestation", sas, 200);
        call("PATCH " + attestation, "/devices/missing/attestation", sas, 404);
        call("GET " + attestation, "/devices/c-dev/attestation", null, 200);
        call("GET " + attestation, "/devices/missing/attestation", null, 404);
        call("DELETE " + attestation, "/devices/c-dev/attestation", null, 204);
        call("DELETE " + attestation, "/devices/missing/attestation", null, 404);
    }

    private void fileUploads() {
        String storage = "{\"connectionString\":\"" + STORAGE + "\",\"container\":\"device-files\",\"sasTtl\":\"PT2H\"}";
        call("GET /fileUploads", "/fileUploads", null, 404);
        call("PATCH /fileUploads", "/fileUploads", "{\"sasTtl\":\"PT3H\"}", 404);
        call("PUT /fileUploads", "/fileUploads", "{\"connectionString\":\"AccountName=a\",\"container\":\"x\"}", 400);
        call("PUT /fileUploads", "/fileUploads", storage, 200);
        call("GET /fileUploads", "/fileUploads", null, 200);
        call("PATCH /fileUploads", "/fileUploads", "{\"sasTtl\":\"PT3H\",\"readAccess\":true}", 200);
        call("PATCH /fileUploads", "/fileUploads", "{\"container\":\"Not_A_Container\"}", 400);
        call("DELETE /fileUploads", "/fileUploads", null, 204);
        call("DELETE /fileUploads", "/fileUploads", null, 404);
    }

    private void call(String route, String path, String body, int status) {
        calls.add(new Call(route, path, () -> body, status));
    }

    private void callLater(String route, String path, Supplier<String> body, int status) {
        calls.add(new Call(route, path, body, status));
    }

    private static String query(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String json(String name, String value) {
        return org.opencentral.core.Json.object().put(name, value).toString();
    }
}
