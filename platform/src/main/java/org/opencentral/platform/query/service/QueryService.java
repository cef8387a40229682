package org.opencentral.platform.query.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.telemetry.TelemetryQueries;
import org.opencentral.platform.device.DeviceRegistry;
import org.opencentral.platform.organization.AccessScope;
import org.opencentral.platform.query.QueryFilter;
import org.opencentral.platform.query.Query;
import org.opencentral.platform.query.QueryAnalyzer;
import org.opencentral.platform.query.QueryKind;
import org.opencentral.platform.template.CloudProperties;
import org.opencentral.platform.template.TemplateService;
import org.opencentral.platform.twin.TwinService;

/**
 * {@code POST /api/query}: analyze, resolve the devices (the template's, in the caller's scope,
 * narrowed by the top-level metadata conditions of WHERE), then read telemetry or properties.
 * Bad queries throw {@link org.opencentral.platform.query.QueryException} (400).
 */
public final class QueryService {
    private final QueryAnalyzer analyzer;
    private final QueryDevices devices;
    private final Optional<TelemetryRows> telemetry;
    private final PropertyRows properties;
    private final Clock clock;

    /** The state-side services a query reads: templates, devices, twins, cloud properties. */
    public record Sources(TemplateService templates, DeviceRegistry devices, TwinService twins, CloudProperties cloud) {
        public Sources {
            Objects.requireNonNull(templates);
            Objects.requireNonNull(devices);
            Objects.requireNonNull(twins);
            Objects.requireNonNull(cloud);
        }
    }

    public QueryService(Sources sources, Optional<TelemetryQueries> telemetry, QuerySettings settings, Clock clock) {
        this.analyzer = new QueryAnalyzer(settings.limits(), new TemplateCatalog(sources.templates()));
        this.devices = new QueryDevices(sources.devices());
        this.telemetry = telemetry.map(t -> new TelemetryRows(t, settings));
        this.properties = new PropertyRows(sources.twins(), sources.cloud());
        this.clock = Objects.requireNonNull(clock);
    }

    /** The result rows of {@code text} for a caller who may view devices in {@code scope}. */
    public List<ObjectNode> run(String text, AccessScope scope) {
        Query query = analyzer.analyze(text);
        List<QueryFilter> metadata = new ArrayList<>();
        List<QueryFilter> rest = new ArrayList<>();
        query.filter().ifPresent(f -> MetadataFilter.conjuncts(f)
                .forEach(c -> (MetadataFilter.isMetadata(c) ? metadata : rest).add(c)));
        ResolvedDevices resolved = devices.resolve(query.templateId(), scope, metadata);
        Query remaining = new Query(query.templateId(), query.kind(), query.columns(), query.timeRange(),
                MetadataFilter.all(rest), query.window(), query.orderBy(), query.limit());
        if (query.kind() == QueryKind.PROPERTIES) {
            return properties.run(remaining, resolved);
        }
        return telemetry.orElseThrow(() -> new DomainException(ErrorCode.UNAVAILABLE,
                "the telemetry store does not support queries")).run(remaining, resolved, clock.instant());
    }
}
