package org.opencentral.core.store;

/**
 * All platform state (not the event log): one SQLite file embedded, one PostgreSQL database in
 * production. Opening it applies pending schema migrations.
 */
public interface StateStore extends AutoCloseable {
    DeviceStore devices();

    TwinStore twins();

    C2dQueueStore c2d();

    LastValueStore lastValues();

    CursorStore cursors();

    ApiTokenStore apiTokens();

    UserStore users();

    RoleStore roles();

    OrganizationStore organizations();

    AuditLogStore auditLog();

    SessionStore sessions();

    /** Enrollment groups, device attestations, registrations and provisioning settings. */
    ProvisioningStore provisioning();

    /** Published device templates. */
    TemplateStore templates();

    /** Cloud property values of devices (platform-only properties of their templates). */
    CloudPropertyStore cloudProperties();

    /** Unmodeled and invalid telemetry per device. */
    TelemetryIssueStore telemetryIssues();

    /** Relationships between devices (gateway/child links). */
    RelationshipStore relationships();

    /** Command invocations per device and command (the newest {@value CommandHistoryStore#KEEP} of each). */
    CommandHistoryStore commandHistory();

    /** Events of state changes, written in the change's transaction, waiting for the event log. */
    OutboxStore outbox();

    /** Device groups and their membership, evaluated from each group's filter at every read. */
    org.opencentral.core.group.DeviceGroupStore deviceGroups();

    /** Rules, their state per device and their history. */
    RuleStore rules();

    /** Data export definitions: exports and destinations. */
    ExportStore exports();

    /** Jobs, their devices fixed at start, and each device's outcome. */
    org.opencentral.core.job.JobStore jobs();

    /** Scheduled jobs, and the jobs their occurrences create. */
    org.opencentral.core.job.ScheduledJobStore scheduledJobs();

    /** Dashboards: organization dashboards and personal ones. */
    org.opencentral.core.dashboard.DashboardStore dashboards();
    /** Device file uploads: requested, stored, notified. */
    org.opencentral.core.file.DeviceFileStore files();

    @Override
    void close();
}
