package org.opencentral.api.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.Json;
import org.opencentral.core.device.SymmetricKeys;
import org.opencentral.core.provisioning.ClientCertificate;
import org.opencentral.core.provisioning.DeviceAttestation;
import org.opencentral.platform.provisioning.Certificates;

/** Attestation JSON (discriminator {@code type}: symmetricKey | x509); TPM is not supported. */
final class AttestationJson {
    private AttestationJson() {
    }

    static ObjectNode write(DeviceAttestation attestation) {
        ObjectNode node = Json.object();
        switch (attestation) {
            case DeviceAttestation.SymmetricKey key -> node.put("type", "symmetricKey").putObject("symmetricKey")
                    .put("primaryKey", key.keys().primaryKey()).put("secondaryKey", key.keys().secondaryKey());
            case DeviceAttestation.X509 x509 -> {
                ObjectNode certificates = node.put("type", "x509").putObject("x509").putObject("clientCertificates");
                certificates.set("primary", certificate(x509.primary()));
                x509.secondary().ifPresent(c -> certificates.set("secondary", certificate(c)));
            }
        }
        return node;
    }

    static DeviceAttestation read(JsonNode body) {
        return switch (body.path("type").asText()) {
            case "symmetricKey" -> {
                JsonNode keys = body.path("symmetricKey");
                yield new DeviceAttestation.SymmetricKey(keys.isObject() ? new SymmetricKeys(
                        keys.path("primaryKey").asText(), keys.path("secondaryKey").asText())
                        : SymmetricKeys.generate());
            }
            case "x509" -> {
                JsonNode certificates = body.path("x509").path("clientCertificates");
                if (!certificates.path("primary").isObject()) {
                    throw DomainException.badRequest("x509.clientCertificates.primary is required");
                }
                JsonNode secondary = certificates.path("secondary");
                yield new DeviceAttestation.X509(client(certificates.path("primary")),
                        secondary.isObject() ? Optional.of(client(secondary)) : Optional.empty());
            }
            case "tpm" -> throw DomainException.badRequest("TPM attestation is not supported");
            default -> throw DomainException.badRequest("attestation type must be 'symmetricKey' or 'x509'");
        };
    }

    private static ObjectNode certificate(ClientCertificate certificate) {
        ObjectNode node = Json.object();
        certificate.certificate().ifPresent(text -> node.put("certificate", text));
        node.putObject("info").put("sha1Thumbprint", certificate.sha1Thumbprint());
        return node;
    }

    /** A certificate's text (its thumbprint is computed) or only {@code info.sha1Thumbprint}. */
    private static ClientCertificate client(JsonNode node) {
        JsonNode text = node.path("certificate");
        if (text.isTextual() && !text.asText().isBlank()) {
            return new ClientCertificate(Optional.of(text.asText()),
                    Certificates.thumbprint(Certificates.parse(text.asText())));
        }
        return new ClientCertificate(Optional.empty(), node.path("info").path("sha1Thumbprint").asText());
    }
}
