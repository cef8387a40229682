package org.opencentral.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.opencentral.core.Json;
import org.opencentral.core.device.SymmetricKeys;
import org.opencentral.core.provisioning.ClientCertificate;
import org.opencentral.core.provisioning.DeviceAttestation;
import org.opencentral.core.provisioning.GroupAttestation;
import org.opencentral.core.provisioning.SigningCertificate;

/** How attestations are kept in TEXT columns (the same JSON text in every dialect). Holds keys: never log it. */
final class ProvisioningJson {
    private ProvisioningJson() {
    }

    static String group(GroupAttestation attestation) {
        ObjectNode node = Json.object();
        switch (attestation) {
            case GroupAttestation.SymmetricKey key -> keys(node.put("type", "symmetricKey"), key.keys());
            case GroupAttestation.X509 x509 -> {
                node.put("type", "x509");
                x509.primary().ifPresent(c -> signing(node.putObject("primary"), c));
                x509.secondary().ifPresent(c -> signing(node.putObject("secondary"), c));
            }
        }
        return Json.write(node);
    }

    static GroupAttestation group(String text) {
        JsonNode node = Json.parse(text);
        return switch (node.path("type").asText()) {
            case "symmetricKey" -> new GroupAttestation.SymmetricKey(keys(node));
            case "x509" -> new GroupAttestation.X509(signing(node.get("primary")), signing(node.get("secondary")));
            default -> throw new IllegalStateException("unknown group attestation type in the store");
        };
    }

    static String device(DeviceAttestation attestation) {
        ObjectNode node = Json.object();
        switch (attestation) {
            case DeviceAttestation.SymmetricKey key -> keys(node.put("type", "symmetricKey"), key.keys());
            case DeviceAttestation.X509 x509 -> {
                node.put("type", "x509");
                client(node.putObject("primary"), x509.primary());
                x509.secondary().ifPresent(c -> client(node.putObject("secondary"), c));
            }
        }
        return Json.write(node);
    }

    static DeviceAttestation device(String text) {
        JsonNode node = Json.parse(text);
        return switch (node.path("type").asText()) {
            case "symmetricKey" -> new DeviceAttestation.SymmetricKey(keys(node));
            case "x509" -> new DeviceAttestation.X509(client(node.get("primary")),
                    node.hasNonNull("secondary") ? Optional.of(client(node.get("secondary"))) : Optional.empty());
            default -> throw new IllegalStateException("unknown device attestation type in the store");
        };
    }

    private static void keys(ObjectNode node, SymmetricKeys keys) {
        node.put("primaryKey", keys.primaryKey()).put("secondaryKey", keys.secondaryKey());
    }

    private static SymmetricKeys keys(JsonNode node) {
        return new SymmetricKeys(node.path("primaryKey").asText(), node.path("secondaryKey").asText());
    }

    private static void signing(ObjectNode node, SigningCertificate c) {
        node.put("certificate", c.certificate()).put("sha1Thumbprint", c.sha1Thumbprint())
                .put("verified", c.verified()).put("etag", c.etag());
        c.verificationCode().ifPresent(code -> node.put("verificationCode", code));
    }

    private static Optional<SigningCertificate> signing(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        JsonNode code = node.path("verificationCode");
        return Optional.of(new SigningCertificate(node.path("certificate").asText(),
                node.path("sha1Thumbprint").asText(), node.path("verified").asBoolean(),
                code.isTextual() ? Optional.of(code.asText()) : Optional.empty(), node.path("etag").asText()));
    }

    private static void client(ObjectNode node, ClientCertificate c) {
        node.put("sha1Thumbprint", c.sha1Thumbprint());
        c.certificate().ifPresent(text -> node.put("certificate", text));
    }

    private static ClientCertificate client(JsonNode node) {
        JsonNode text = node.path("certificate");
        return new ClientCertificate(text.isTextual() ? Optional.of(text.asText()) : Optional.empty(),
                node.path("sha1Thumbprint").asText());
    }
}
