package org.opencentral.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.device.SymmetricKeys;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.core.provisioning.DeviceAttestation;
import org.opencentral.core.provisioning.EnrollmentGroup;
import org.opencentral.core.provisioning.GroupAttestation;
import org.opencentral.core.secret.SecretCipher;
import org.opencentral.core.template.DeviceTemplate;
import org.opencentral.platform.device.DeviceChanges;
import org.opencentral.platform.provisioning.KeyDerivation;
import org.opencentral.platform.provisioning.RegistrationCredential;
import org.opencentral.platform.provisioning.RegistrationRequest;
import org.opencentral.platform.security.SasToken;
import org.opencentral.platform.template.TemplateDraft;
import org.opencentral.store.secret.AesGcmSecretCipher;

/**
 * Every kind of state change, made while the event log cannot be appended to: each is stored with its
 * event, the node "crashes" (closes having forwarded nothing), and after a restart on the same data
 * directory the log holds exactly one event per change, in the order the changes were made.
 */
@Timeout(60)
class OutboxCrashTest {
    private static final DeviceId D1 = DeviceId.of("d1");
    private static final String TEMPLATE = "dtmi:crash:thermostat;1";
    private final SecretCipher cipher = AesGcmSecretCipher.random();
    @TempDir
    Path dir;

    @Test
    void everyChangeMadeWhileTheLogFailsReachesItExactlyOnceAfterARestart() {
        FailingLog[] failing = new FailingLog[1];
        List<String> made;
        try (ChangeNode node = new ChangeNode(dir, cipher, log -> failing[0] = new FailingLog(log))) {
            node.forwarder.start();
            made = makeEveryKindOfChange(node);

            await().untilAsserted(() -> assertThat(failing[0].attempts()).isPositive());
            assertThat(node.log.read(0, 100)).isEmpty();
            assertThat(node.devices.get(D1).displayName()).isEqualTo("Thermostat 1");
            assertThat(node.state.outbox().pending(100)).hasSameSizeAs(made);
        }

        try (ChangeNode restarted = new ChangeNode(dir, cipher, UnaryOperator.identity())) {
            restarted.forwarder.start();
            await().untilAsserted(() -> assertThat(logged(restarted)).hasSameSizeAs(made));
            assertThat(logged(restarted)).containsExactlyElementsOf(made);
            assertThat(restarted.state.outbox().pending(100)).isEmpty();
        }

        try (ChangeNode again = new ChangeNode(dir, cipher, UnaryOperator.identity())) {
            assertThat(again.forwarder.runOnce()).isZero();
            assertThat(logged(again)).containsExactlyElementsOf(made);
        }
    }

    /** Makes one change of every kind; returns the event each one must log, described. */
    private static List<String> makeEveryKindOfChange(ChangeNode node) {
        List<String> made = new ArrayList<>();
        node.devices.create(D1, DeviceChanges.NONE);
        made.add("deviceLifecycle d1 CREATED");
        node.devices.update(D1, new DeviceChanges(Optional.of("Thermostat 1"), Optional.empty(), Optional.empty(),
                Optional.empty()), Optional.empty());
        made.add("deviceLifecycle d1 UPDATED");
        node.devices.create(DeviceId.of("d2"), DeviceChanges.NONE);
        node.devices.delete(DeviceId.of("d2"));
        made.addAll(List.of("deviceLifecycle d2 CREATED", "deviceLifecycle d2 DELETED"));

        enrollThroughDps(node, "dps-1");
        made.add("deviceLifecycle dps-1 CREATED");
        node.attestations.put(D1, new DeviceAttestation.SymmetricKey(SymmetricKeys.generate()));
        made.add("deviceLifecycle d1 UPDATED");

        long desired = node.twins.patchDesired(D1, Json.parseObject("{\"target\":21}")).desired().version();
        made.add("desiredProperties d1 {\"target\":21} v" + desired);
        long reported = node.twins.patchReported(D1, Json.parseObject("{\"fw\":\"1.0\"}"));
        made.add("reportedProperties d1 {\"fw\":\"1.0\"} v" + reported);

        DeviceTemplate template = node.templates.publish(TEMPLATE, draft(TEMPLATE));
        made.add("templateLifecycle " + TEMPLATE + " CREATED " + template.etag());
        DeviceTemplate renamed = node.templates.patch(TEMPLATE, new TemplateDraft(List.of(), Optional.of("Renamed"),
                Optional.empty(), Optional.empty()), Optional.empty());
        made.add("templateLifecycle " + TEMPLATE + " UPDATED " + renamed.etag());
        String other = node.templates.publish("dtmi:crash:other;1", draft("dtmi:crash:other;1")).etag();
        node.templates.delete("dtmi:crash:other;1");
        made.addAll(List.of("templateLifecycle dtmi:crash:other;1 CREATED " + other,
                "templateLifecycle dtmi:crash:other;1 DELETED"));

        node.cloud.write(D1, node.templates.model(renamed).orElseThrow(), Optional.empty(),
                Json.parseObject("{\"customerName\":\"Contoso\"}"), "");
        made.add("cloudProperties d1 {\"customerName\":\"Contoso\"}");
        long audit = node.audit.record("user:alice", "DELETE /api/devices/{deviceId}", "/api/devices/d2",
                Json.object(), Json.object()).sequence();
        made.add("audit " + audit);
        return made;
    }

    private static void enrollThroughDps(ChangeNode node, String registrationId) {
        SymmetricKeys groupKeys = SymmetricKeys.generate();
        node.state.provisioning().groups().insert(new EnrollmentGroup("fleet", "fleet", true, "iot",
                new GroupAttestation.SymmetricKey(groupKeys), "\"1\""));
        String key = KeyDerivation.deviceKey(groupKeys.primaryKey(), registrationId);
        String token = SasToken.sign(ChangeNode.SCOPE + "/registrations/" + registrationId, key,
                Instant.now().plusSeconds(3600).getEpochSecond()) + "&skn=";
        assertThat(node.dps.register(new RegistrationRequest(ChangeNode.SCOPE, registrationId,
                new RegistrationCredential.Sas(token), Optional.of(registrationId), Optional.empty())).status())
                .isEqualTo(202);
    }

    private static TemplateDraft draft(String id) {
        ObjectNode model = Json.parseObject("{\"@id\":\"" + id.replace(";1", "_cm;1") + "\",\"@type\":\"Interface\","
                + "\"contents\":["
                + "{\"@type\":[\"Property\",\"Cloud\"],\"name\":\"customerName\",\"schema\":\"string\"}]}");
        return new TemplateDraft(DeviceTemplate.DEFAULT_TYPES, Optional.empty(), Optional.empty(), Optional.of(model));
    }

    private static List<String> logged(ChangeNode node) {
        return node.log.read(0, 1_000).stream().map(LoggedEvent::event).map(OutboxCrashTest::describe).toList();
    }

    private static String describe(PlatformEvent event) {
        return switch (event) {
            case PlatformEvent.DeviceLifecycle l -> "deviceLifecycle " + l.deviceId() + " " + l.change();
            case PlatformEvent.DesiredPropertiesUpdated d -> "desiredProperties " + d.deviceId() + " " + d.patch()
                    + " v" + d.version();
            case PlatformEvent.ReportedPropertiesUpdated r -> "reportedProperties " + r.deviceId() + " " + r.patch()
                    + " v" + r.version();
            case PlatformEvent.TemplateLifecycle t -> "templateLifecycle " + t.templateId() + " " + t.change()
                    + t.etag().map(etag -> " " + etag).orElse("");
            case PlatformEvent.CloudPropertiesUpdated c -> "cloudProperties " + c.deviceId() + " " + c.patch();
            case PlatformEvent.AuditRecorded a -> "audit " + a.auditSequence();
            case PlatformEvent.TelemetryReceived t -> "unexpected telemetry";
            case PlatformEvent.DeviceConnected c -> "unexpected connected";
            case PlatformEvent.DeviceDisconnected d -> "unexpected disconnected";
        };
    }
}
