package org.opencentral.platform.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.provisioning.Registration;
import org.opencentral.core.store.DeviceStore;
import org.opencentral.core.store.OutboxStore;
import org.opencentral.core.store.ProvisioningStore;
import org.opencentral.platform.provisioning.Attested.Group;
import org.opencentral.platform.provisioning.Attested.Individual;
import org.opencentral.platform.provisioning.Attested.Rejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DPS runtime: register (202 with an operation id, then the operation's status on poll) and
 * operation status, for the MQTT and HTTPS transports alike. A refused credential is 401 (errorCode
 * 401002) and creates nothing; a disabled group or device ends the operation with status
 * {@code disabled}. Blocking: call it from virtual threads.
 */
public final class ProvisioningService {
    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningService.class);
    static final int RETRY_AFTER_SECONDS = 1;

    private final ProvisioningEndpoint endpoint;
    private final Attestor attestor;
    private final DeviceEnroller enroller;
    private final ProvisioningStore provisioning;
    private final RegistrationOperations operations;
    private final RegistrationThrottle throttle;
    private final Clock clock;

    public ProvisioningService(ProvisioningEndpoint endpoint, DeviceStore devices, ProvisioningStore provisioning,
            OutboxStore outbox, TemplateAssigner templates, Clock clock) {
        this.endpoint = endpoint;
        this.attestor = new Attestor(devices, provisioning, clock);
        this.enroller = new DeviceEnroller(devices, provisioning, outbox, templates, clock);
        this.provisioning = provisioning;
        this.operations = new RegistrationOperations(clock);
        this.throttle = new RegistrationThrottle(clock);
        this.clock = clock;
    }

    public DpsResponse register(RegistrationRequest request) {
        OptionalInt wait = throttle.acquire(request.registrationId());
        if (wait.isPresent()) {
            return DpsResponse.error(ErrorCode.THROTTLED, "too many registrations; retry later", clock.instant(), wait);
        }
        if (request.bodyRegistrationId().filter(id -> !id.equals(request.registrationId())).isPresent()) {
            return DpsResponse.error(ErrorCode.BAD_REQUEST, "registrationId in the body differs", clock.instant());
        }
        Optional<DpsResponse> refused = authorize(request.idScope(), request.registrationId(), request.credential());
        if (refused.isPresent()) {
            return refused.get();
        }
        Attested attested = attestor.attest(request.idScope(), request.registrationId(), request.credential());
        if (attested instanceof Rejected rejected) {
            LOG.info("DPS registration of '{}' refused: {}", request.registrationId(), rejected.detail());
            return unauthorized();
        }
        ObjectNode status = decide(DeviceId.of(request.registrationId()), attested, request.modelId());
        return DpsResponse.accepted(operations.add(request.registrationId(), status), RETRY_AFTER_SECONDS);
    }

    public DpsResponse operationStatus(String idScope, String registrationId, String operationId,
            RegistrationCredential credential) {
        Optional<DpsResponse> refused = authorize(idScope, registrationId, credential);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (attestor.attest(idScope, registrationId, credential) instanceof Rejected) {
            return unauthorized();
        }
        return operations.find(registrationId, operationId).map(DpsResponse::ok).orElseGet(() ->
                DpsResponse.error(ErrorCode.NOT_FOUND, "operation '" + operationId + "' not found", clock.instant()));
    }

    /** Forgets expired operations (called by the maintenance timer). */
    public void runOnce() {
        operations.runOnce();
    }

    private Optional<DpsResponse> authorize(String idScope, String registrationId, RegistrationCredential credential) {
        if (!endpoint.idScope().equalsIgnoreCase(idScope)) {
            LOG.info("DPS call for unknown ID scope '{}'", idScope);
            return Optional.of(unauthorized());
        }
        try {
            DeviceId.of(registrationId);
            return Optional.empty();
        } catch (DomainException e) {
            return Optional.of(DpsResponse.error(ErrorCode.BAD_REQUEST, "invalid registration id", clock.instant()));
        }
    }

    private ObjectNode decide(DeviceId id, Attested attested, Optional<String> modelId) {
        if (attested instanceof Group group && !group.group().enabled()) {
            return RegistrationStates.disabled(id.value(), "enrollment group is disabled", clock.instant());
        }
        Optional<Device> existing = attested instanceof Individual individual ? Optional.of(individual.device())
                : enroller.find(id);
        boolean waiting = provisioning.registrations().find(id.value())
                .map(r -> r.status() == Registration.Status.WAITING_FOR_APPROVAL).orElse(false);
        if (existing.isPresent() && !existing.get().enabled() && !waiting) {
            return RegistrationStates.disabled(id.value(), "device is disabled", clock.instant());
        }
        DeviceEnroller.Enrolled enrolled = enroller.enroll(id, attested, modelId);
        if (enrolled.registration().status() == Registration.Status.WAITING_FOR_APPROVAL) {
            return RegistrationStates.disabled(id.value(), "device is waiting for approval", clock.instant());
        }
        LOG.info("DPS registered device '{}' ({})", id, attested instanceof Group g ? "group " + g.group().id()
                : "individual enrollment");
        return RegistrationStates.assigned(enrolled.registration(), endpoint.assignedHub());
    }

    private DpsResponse unauthorized() {
        return DpsResponse.error(ErrorCode.UNAUTHORIZED, "Unauthorized", clock.instant());
    }
}
