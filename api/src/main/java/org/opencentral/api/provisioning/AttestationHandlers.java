package org.opencentral.api.provisioning;

import org.opencentral.api.http.ApiCall;
import org.opencentral.platform.provisioning.DeviceAttestations;

/** {@code /devices/{deviceId}/attestation}: PUT and PATCH both replace it (the body names its type). */
final class AttestationHandlers {
    private final DeviceAttestations attestations;

    AttestationHandlers(DeviceAttestations attestations) {
        this.attestations = attestations;
    }

    void get(ApiCall call) {
        call.json(200, AttestationJson.write(attestations.get(call.deviceId())));
    }

    void put(ApiCall call) throws Exception {
        call.json(200, AttestationJson.write(attestations.put(call.deviceId(),
                AttestationJson.read(call.bodyObject()))));
    }

    void delete(ApiCall call) {
        attestations.delete(call.deviceId());
        call.noContent();
    }
}
