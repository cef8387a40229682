package org.opencentral.server.runtime;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.opencentral.api.ApiConfig;
import org.opencentral.api.ApiServer;
import org.opencentral.api.ApiServices;
import org.opencentral.api.Operations;
import org.opencentral.api.RateLimit;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.store.StateStore;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.platform.query.QueryLimits;
import org.opencentral.platform.query.service.QuerySettings;
import org.opencentral.server.config.LimitsConfig;
import org.opencentral.server.config.MqttConfig;
import org.opencentral.server.config.QueryConfig;
import org.opencentral.server.config.ServerConfig;
import org.opencentral.server.tls.TlsMaterial;
import org.opencentral.transport.ConnectionListener;
import org.opencentral.transport.MqttLimits;
import org.opencentral.transport.MqttServer;
import org.opencentral.transport.MqttServerConfig;
import org.opencentral.transport.MqttServerConfig.Endpoint;
import org.opencentral.transport.MqttServices;
import org.opencentral.transport.MqttTls;

/** Builds the device and HTTP listeners from their parts of the configuration. */
final class Listeners {
    private Listeners() {
    }

    static MqttServer mqtt(ServerConfig config, TlsMaterial tls, Services services, Provisioning provisioning,
            ConnectionListener connections, PrometheusMeterRegistry metrics) {
        MqttConfig mqtt = config.mqtt();
        LimitsConfig limits = config.limits();
        MqttServerConfig mqttConfig = new MqttServerConfig(
                Optional.of(new Endpoint(mqtt.bindAddress(), mqtt.mqttsPort())),
                mqtt.plainPort().isPresent()
                        ? Optional.of(new Endpoint(mqtt.plainBindAddress(), mqtt.plainPort().getAsInt()))
                        : Optional.empty(),
                mqtt.httpsPort().isPresent()
                        ? Optional.of(new Endpoint(mqtt.bindAddress(), mqtt.httpsPort().getAsInt()))
                        : Optional.empty(),
                MqttLimits.DEFAULTS.withRate(limits.deviceMessagesPerSecond(), limits.deviceMessageBurst()),
                limits.maxConnections());
        MqttServices mqttServices = new MqttServices(services.authenticator(), services.ingest(), services.twins(),
                services.commands(), services.cloudToDevice(), services.sessions(), Optional.of(provisioning.dps()),
                Optional.of(provisioning.certificates()));
        return new MqttServer(mqttConfig, Optional.of(MqttTls.of(tls.privateKey(), tls.certificateChain())),
                mqttServices, connections, metrics);
    }

    static ApiServer api(ServerConfig config, ApplicationIdentity identity, Services services, StateStore state,
            EventLog log, Clock clock, PrometheusMeterRegistry metrics, BooleanSupplier ready,
            Provisioning provisioning, Templates templates, TelemetryStore telemetry, Fleet fleet) {
        ApiServices apiServices = new ApiServices(services.devices(), services.twins(), services.commands(),
                services.cloudToDevice(), state.lastValues(), services.security(), clock)
                .withProvisioning(provisioning.api())
                .withTemplates(templates.api())
                .withTelemetry(telemetry)
                .withRawData(new org.opencentral.platform.telemetry.RawMessages(log))
                .withRelationships(new org.opencentral.platform.relationship.RelationshipService(
                        state.relationships(), services.devices(), templates.service()))
                .withGroups(fleet.groups())
                .withJobs(fleet.jobs());
        int perSecond = config.limits().apiRequestsPerSecond();
        ApiConfig apiConfig = ApiConfig.of(config.http().bindAddress(), config.http().port(), identity.idScope())
                .withRateLimit(new RateLimit(perSecond, 2 * perSecond))
                .withQuery(querySettings(config.query()));
        return new ApiServer(apiConfig, apiServices, new Operations(ready, metrics::scrape, metrics), Optional.of(log));
    }

    /** The configured query limits over the language's other defaults (select items, operators, nesting). */
    static QuerySettings querySettings(QueryConfig query) {
        QueryLimits defaults = QueryLimits.DEFAULTS;
        return new QuerySettings(new QueryLimits(query.maxLength(), defaults.maxSelectItems(),
                defaults.maxLogicalOperators(), defaults.maxInListSize(), query.maxTelemetryRows(),
                query.maxPropertyRows(), defaults.maxNestingDepth()), query.timeout());
    }
}
