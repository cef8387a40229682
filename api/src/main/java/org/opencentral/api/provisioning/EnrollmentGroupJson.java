package org.opencentral.api.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.Json;
import org.opencentral.core.device.SymmetricKeys;
import org.opencentral.core.provisioning.CertificateEntry;
import org.opencentral.core.provisioning.EnrollmentGroup;
import org.opencentral.core.provisioning.GroupAttestation;
import org.opencentral.core.provisioning.SigningCertificate;
import org.opencentral.platform.provisioning.SigningCertificates;

/** EnrollmentGroup and SigningX509Certificate JSON (spec 2022-07-31). */
final class EnrollmentGroupJson {
    private EnrollmentGroupJson() {
    }

    static ObjectNode write(EnrollmentGroup group) {
        ObjectNode node = Json.object().put("id", group.id()).put("displayName", group.displayName())
                .put("enabled", group.enabled()).put("type", group.type()).put("etag", group.etag());
        ObjectNode attestation = node.putObject("attestation");
        switch (group.attestation()) {
            case GroupAttestation.SymmetricKey key -> attestation.put("type", "symmetricKey")
                    .putObject("symmetricKey").put("primaryKey", key.keys().primaryKey())
                    .put("secondaryKey", key.keys().secondaryKey());
            case GroupAttestation.X509 x509 -> {
                ObjectNode signing = attestation.put("type", "x509").putObject("x509").putObject("signingCertificates");
                for (CertificateEntry entry : CertificateEntry.values()) {
                    x509.get(entry).ifPresent(c -> signing.set(entry.wire(), certificate(c)));
                }
            }
        }
        return node;
    }

    static ObjectNode certificate(SigningCertificate certificate) {
        ObjectNode node = Json.object().put("verified", certificate.verified())
                .put("certificate", certificate.certificate()).put("etag", certificate.etag());
        node.putObject("info").put("sha1Thumbprint", certificate.sha1Thumbprint());
        return node;
    }

    /** A group from a PUT body; symmetric keys are generated when the body has none. */
    static EnrollmentGroup read(String id, JsonNode body) {
        return new EnrollmentGroup(id, text(body, "displayName").orElse(id),
                !body.path("enabled").isBoolean() || body.path("enabled").asBoolean(),
                text(body, "type").orElse("iot"), attestation(body.path("attestation")), "");
    }

    /** Applies a JSON merge patch of displayName, enabled, type and symmetric keys. */
    static EnrollmentGroup merge(EnrollmentGroup current, JsonNode patch) {
        GroupAttestation attestation = current.attestation();
        JsonNode keys = patch.path("attestation").path("symmetricKey");
        if (keys.isObject() && attestation instanceof GroupAttestation.SymmetricKey key) {
            attestation = new GroupAttestation.SymmetricKey(new SymmetricKeys(
                    text(keys, "primaryKey").orElse(key.keys().primaryKey()),
                    text(keys, "secondaryKey").orElse(key.keys().secondaryKey())));
        }
        return new EnrollmentGroup(current.id(), text(patch, "displayName").orElse(current.displayName()),
                patch.path("enabled").isBoolean() ? patch.path("enabled").asBoolean() : current.enabled(),
                text(patch, "type").orElse(current.type()), attestation, current.etag());
    }

    private static GroupAttestation attestation(JsonNode node) {
        return switch (node.path("type").asText()) {
            case "symmetricKey" -> {
                JsonNode keys = node.path("symmetricKey");
                yield new GroupAttestation.SymmetricKey(keys.isObject() ? new SymmetricKeys(
                        text(keys, "primaryKey").orElse(""), text(keys, "secondaryKey").orElse(""))
                        : SymmetricKeys.generate());
            }
            case "x509" -> {
                JsonNode signing = node.path("x509").path("signingCertificates");
                GroupAttestation.X509 x509 = GroupAttestation.X509.EMPTY;
                for (CertificateEntry entry : CertificateEntry.values()) {
                    Optional<String> text = text(signing.path(entry.wire()), "certificate");
                    x509 = x509.with(entry, text.map(SigningCertificates::unverified));
                }
                yield x509;
            }
            default -> throw DomainException.badRequest("attestation.type must be 'symmetricKey' or 'x509'");
        };
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }
}
