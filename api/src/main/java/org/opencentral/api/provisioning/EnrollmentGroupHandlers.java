package org.opencentral.api.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opencentral.api.http.ApiCall;
import org.opencentral.core.DomainException;
import org.opencentral.core.Json;
import org.opencentral.core.provisioning.CertificateEntry;
import org.opencentral.core.provisioning.EnrollmentGroup;
import org.opencentral.platform.provisioning.EnrollmentGroupService;
import org.opencentral.platform.provisioning.SigningCertificates;

/** {@code /enrollmentGroups} and their certificates. */
final class EnrollmentGroupHandlers {
    private final EnrollmentGroupService groups;
    private final SigningCertificates certificates;

    EnrollmentGroupHandlers(EnrollmentGroupService groups, SigningCertificates certificates) {
        this.groups = groups;
        this.certificates = certificates;
    }

    void list(ApiCall call) {
        ObjectNode body = Json.object();
        groups.list().forEach(group -> body.withArray("value").add(EnrollmentGroupJson.write(group)));
        body.withArray("value");
        call.json(200, body);
    }

    void get(ApiCall call) {
        call.json(200, EnrollmentGroupJson.write(groups.get(id(call))));
    }

    void put(ApiCall call) throws Exception {
        EnrollmentGroup group = EnrollmentGroupJson.read(id(call), call.bodyObject());
        call.json(200, EnrollmentGroupJson.write(groups.put(group)));
    }

    void patch(ApiCall call) throws Exception {
        EnrollmentGroup current = groups.get(id(call));
        String etag = call.header("If-Match").orElse(current.etag());
        EnrollmentGroup next = EnrollmentGroupJson.merge(current, call.bodyObject());
        call.json(200, EnrollmentGroupJson.write(groups.update(next, "*".equals(etag) ? current.etag() : etag)));
    }

    void delete(ApiCall call) {
        groups.delete(id(call));
        call.noContent();
    }

    void getCertificate(ApiCall call) {
        call.json(200, EnrollmentGroupJson.certificate(certificates.get(id(call), entry(call))));
    }

    void putCertificate(ApiCall call) throws Exception {
        String text = EnrollmentGroupJson.text(call.bodyObject(), "certificate")
                .orElseThrow(() -> DomainException.badRequest("certificate is required"));
        call.json(200, EnrollmentGroupJson.certificate(certificates.put(id(call), entry(call), text)));
    }

    void deleteCertificate(ApiCall call) {
        certificates.delete(id(call), entry(call));
        call.noContent();
    }

    void generateVerificationCode(ApiCall call) {
        call.json(200, Json.object().put("verificationCode",
                certificates.generateVerificationCode(id(call), entry(call))));
    }

    void verify(ApiCall call) throws Exception {
        String text = EnrollmentGroupJson.text(call.bodyObject(), "certificate")
                .orElseThrow(() -> DomainException.badRequest("certificate is required"));
        certificates.verify(id(call), entry(call), text);
        call.noContent();
    }

    private static String id(ApiCall call) {
        return call.pathParam("enrollmentGroupId");
    }

    private static CertificateEntry entry(ApiCall call) {
        return CertificateEntry.of(call.pathParam("entry"));
    }
}
