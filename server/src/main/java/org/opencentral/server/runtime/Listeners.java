package org.opencentral.server.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.opencentral.api.ApiConfig;
import org.opencentral.api.ApiServer;
import org.opencentral.api.ApiServices;
import org.opencentral.api.Operations;
import org.opencentral.api.RateLimit;
import org.opencentral.platform.assembly.Platform;
import org.opencentral.platform.query.QueryLimits;
import org.opencentral.platform.query.service.QuerySettings;
import org.opencentral.server.config.LimitsConfig;
import org.opencentral.server.config.MqttConfig;
import org.opencentral.server.config.QueryConfig;
import org.opencentral.server.config.ServerConfig;
import org.opencentral.server.tls.TlsMaterial;
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

    /** The device listeners; the HTTPS one also serves the web UI and REST API through {@code api}. */
    static MqttServer mqtt(ServerConfig config, TlsMaterial tls, Platform platform, MeterRegistry metrics,
            ApiServer api) {
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
                limits.maxConnections(),
                mqtt.amqpsPort().isPresent()
                        ? Optional.of(new Endpoint(mqtt.bindAddress(), mqtt.amqpsPort().getAsInt()))
                        : Optional.empty());
        return new MqttServer(mqttConfig, Optional.of(MqttTls.of(tls.privateKey(), tls.certificateChain())),
                MqttServices.of(platform), platform.connections(), metrics,
                Optional.of(new HttpsTunnel(api::connectTunnelled)));
    }

    static ApiServer api(ServerConfig config, String idScope, Platform platform, Operations operations) {
        int perSecond = config.limits().apiRequestsPerSecond();
        ApiConfig apiConfig = ApiConfig.of(config.http().bindAddress(), config.http().port(), idScope)
                .withRateLimit(new RateLimit(perSecond, 2 * perSecond))
                .withQuery(querySettings(config.query()));
        return new ApiServer(apiConfig, ApiServices.of(platform), operations, Optional.of(platform.log()));
    }

    /** The configured query limits over the language's other defaults (select items, operators, nesting). */
    static QuerySettings querySettings(QueryConfig query) {
        QueryLimits defaults = QueryLimits.DEFAULTS;
        return new QuerySettings(new QueryLimits(query.maxLength(), defaults.maxSelectItems(),
                defaults.maxLogicalOperators(), defaults.maxInListSize(), query.maxTelemetryRows(),
                query.maxPropertyRows(), defaults.maxNestingDepth()), query.timeout());
    }
}
