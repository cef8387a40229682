package org.opencentral.transport.internal.amqp;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.opencentral.core.device.DeviceId;
import org.opencentral.platform.device.DeviceAuthentication;
import org.opencentral.platform.provisioning.CertificateChain;
import org.opencentral.transport.internal.TransportContext;
import org.opencentral.transport.internal.connect.DeviceCredentials;
import org.opencentral.transport.internal.connect.PeerCertificates;

/**
 * X.509 over AMQPS: a device that presented a TLS client certificate attaches its links without a
 * CBS token (the SDKs then skip SASL and CBS). The first link of a device it holds no grant for
 * waits while the platform judges the certificate for that device, as it judges an MQTT
 * connection's (the device's registered thumbprint or a verified CA); an accepted certificate grants
 * the device until the certificate expires, once per connection and device. Event loop only.
 */
final class ClientCertificates {
    private final TransportContext context;
    private final AmqpEngine engine;
    private final DeviceGrants grants;
    private final Map<DeviceId, CompletableFuture<Void>> judged = new HashMap<>();

    ClientCertificates(TransportContext context, AmqpEngine engine, DeviceGrants grants) {
        this.context = context;
        this.engine = engine;
        this.grants = grants;
    }

    /**
     * Whether a link of {@code device} must wait for the connection's certificate to be judged; if
     * so, {@code then} runs on the event loop once it is (and the device holds a grant if it passed).
     */
    boolean judging(DeviceId device, Runnable then) {
        CompletableFuture<Void> judgement = judged.get(device);
        if (judgement == null) {
            Optional<CertificateChain> chain = PeerCertificates.of(engine.channel());
            if (chain.isEmpty()) {
                return false;
            }
            judgement = judge(device, chain.get());
            judged.put(device, judgement);
        } else if (judgement.isDone()) {
            return false;
        }
        judgement.thenRun(then);
        return true;
    }

    private CompletableFuture<Void> judge(DeviceId device, CertificateChain chain) {
        CompletableFuture<Void> judged = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> DeviceCredentials.authenticate(context.services(), device, Optional.empty(),
                Optional.of(chain)), context.blocking()).whenComplete((outcome, error) -> engine.run(() -> {
                    switch (outcome) {
                        case DeviceAuthentication.Accepted accepted ->
                                grants.grant(device, chain.leaf().getNotAfter().toInstant());
                        case DeviceAuthentication.Refused refused -> context.metrics().refused(
                                "amqp_x509_" + refused.reason().name().toLowerCase(Locale.ROOT));
                        case null -> context.metrics().error("amqp_x509_check_failed");
                    }
                    judged.complete(null);
                }));
        return judged;
    }
}
