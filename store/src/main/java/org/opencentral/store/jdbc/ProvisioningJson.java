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

/**
 * How attestations are kept in TEXT columns (the same JSON text in every dialect). Symmetric keys
 * are {@link SealedKeys sealed} for their owner (the group or device id); certificates are public and
 * kept as they are. Holds keys: never log it.
 */
final class ProvisioningJson {
    private ProvisioningJson() {
    }

    static String group(GroupAttestation attestation, String groupId, SealedKeys sealed) {
        ObjectNode node = Json.object();
        switch (attestation) {
            case GroupAttestation.SymmetricKey key -> keys(node.put("type", "symmetricKey"), key.keys(),
                    sealed, SealedKeys.enrollmentGroup(groupId));
            case GroupAttestation.X509 x509 -> {
                node.put("type", "x509");
                x509.primary().ifPresent(c -> signing(node.putObject("primary"), c));
                x509.secondary().ifPresent(c -> signing(node.putObject("secondary"), c));
            }
        }
        return Json.write(node);
    }

    static GroupAttestation group(String text, String groupId, SealedKeys sealed) {
        JsonNode node = Json.parse(text);
        return switch (node.path("type").asText()) {
            case "symmetricKey" -> new GroupAttestation.SymmetricKey(keys(node, sealed,
                    SealedKeys.enrollmentGroup(groupId)));
            case "x509" -> new GroupAttestation.X509(signing(node.get("primary")), signing(node.get("secondary")));
            default -> throw new IllegalStateException("unknown group attestation type in the store");
        };
    }

    static String device(DeviceAttestation attestation, String deviceId, SealedKeys sealed) {
        ObjectNode node = Json.object();
        switch (attestation) {
            case DeviceAttestation.SymmetricKey key -> keys(node.put("type", "symmetricKey"), key.keys(),
                    sealed, SealedKeys.deviceAttestation(deviceId));
            case DeviceAttestation.X509 x509 -> {
                node.put("type", "x509");
                client(node.putObject("primary"), x509.primary());
                x509.secondary().ifPresent(c -> client(node.putObject("secondary"), c));
            }
        }
        return Json.write(node);
    }

    static DeviceAttestation device(String text, String deviceId, SealedKeys sealed) {
        JsonNode node = Json.parse(text);
        return switch (node.path("type").asText()) {
            case "symmetricKey" -> new DeviceAttestation.SymmetricKey(keys(node, sealed,
                    SealedKeys.deviceAttestation(deviceId)));
            case "x509" -> new DeviceAttestation.X509(client(node.get("primary")),
                    node.hasNonNull("secondary") ? Optional.of(client(node.get("secondary"))) : Optional.empty());
            default -> throw new IllegalStateException("unknown device attestation type in the store");
        };
    }

    /**
     * Seals the plaintext keys of a stored attestation for {@code owner}; empty when it holds no
     * plaintext key (an X.509 attestation, or keys sealed already).
     */
    static Optional<String> sealPlaintextKeys(String text, SealedKeys sealed, String owner) {
        JsonNode parsed = Json.parse(text);
        if (!(parsed instanceof ObjectNode node) || !"symmetricKey".equals(node.path("type").asText())) {
            return Optional.empty();
        }
        boolean changed = false;
        for (String slot : new String[] {SealedKeys.PRIMARY, SealedKeys.SECONDARY}) {
            String stored = node.path(slot).asText();
            if (!sealed.isSealed(stored)) {
                node.put(slot, sealed.seal(stored, owner, slot));
                changed = true;
            }
        }
        return changed ? Optional.of(Json.write(node)) : Optional.empty();
    }

    private static void keys(ObjectNode node, SymmetricKeys keys, SealedKeys sealed, String owner) {
        node.put(SealedKeys.PRIMARY, sealed.sealPrimary(keys, owner))
                .put(SealedKeys.SECONDARY, sealed.sealSecondary(keys, owner));
    }

    private static SymmetricKeys keys(JsonNode node, SealedKeys sealed, String owner) {
        return sealed.open(node.path(SealedKeys.PRIMARY).asText(), node.path(SealedKeys.SECONDARY).asText(), owner);
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
