package org.opencentral.store.jdbc;

import java.time.Clock;
import org.opencentral.core.secret.SecretCipher;
import org.opencentral.core.store.ApiTokenStore;
import org.opencentral.core.store.RelationshipStore;
import org.opencentral.core.store.CommandHistoryStore;
import org.opencentral.core.store.CloudPropertyStore;
import org.opencentral.core.store.AuditLogStore;
import org.opencentral.core.store.C2dQueueStore;
import org.opencentral.core.store.CursorStore;
import org.opencentral.core.store.DeviceStore;
import org.opencentral.core.store.ExportStore;
import org.opencentral.core.store.LastValueStore;
import org.opencentral.core.store.OrganizationStore;
import org.opencentral.core.store.OutboxStore;
import org.opencentral.core.store.ProvisioningStore;
import org.opencentral.core.store.RoleStore;
import org.opencentral.core.store.RuleStore;
import org.opencentral.core.store.SessionStore;
import org.opencentral.core.store.StateStore;
import org.opencentral.core.store.TelemetryIssueStore;
import org.opencentral.core.store.TemplateStore;
import org.opencentral.core.store.TwinStore;
import org.opencentral.core.store.UserStore;

/** The state store over any {@link JdbcDatabase}; opening it applies pending migrations. */
public final class JdbcStateStore implements StateStore {
    private final JdbcDatabase database;
    private final DeviceStore devices;
    private final TwinStore twins;
    private final C2dQueueStore c2d;
    private final LastValueStore lastValues;
    private final CursorStore cursors;
    private final ApiTokenStore apiTokens;
    private final UserStore users;
    private final RoleStore roles;
    private final OrganizationStore organizations;
    private final AuditLogStore auditLog;
    private final SessionStore sessions;
    private final ProvisioningStore provisioning;
    private final TemplateStore templates;
    private final CloudPropertyStore cloudProperties;
    private final TelemetryIssueStore telemetryIssues;
    private final RelationshipStore relationships;
    private final CommandHistoryStore commandHistory;
    private final OutboxStore outbox;
    private final org.opencentral.core.group.DeviceGroupStore deviceGroups;
    private final RuleStore rules;
    private final ExportStore exports;
    private final JdbcJobStore jobs;
    private final org.opencentral.core.job.ScheduledJobStore scheduledJobs;
    private final org.opencentral.core.dashboard.DashboardStore dashboards;
    private final org.opencentral.core.file.DeviceFileStore files;

    private JdbcStateStore(JdbcDatabase database, SealedKeys keys) {
        this.database = database;
        this.devices = new JdbcDeviceStore(database, keys);
        this.twins = new JdbcTwinStore(database);
        this.c2d = new JdbcC2dQueueStore(database);
        this.lastValues = new JdbcLastValueStore(database);
        this.cursors = new JdbcCursorStore(database);
        this.apiTokens = new JdbcApiTokenStore(database);
        this.users = new JdbcUserStore(database);
        this.roles = new JdbcRoleStore(database);
        this.organizations = new JdbcOrganizationStore(database);
        this.auditLog = new JdbcAuditLogStore(database);
        this.sessions = new JdbcSessionStore(database);
        this.provisioning = new JdbcProvisioningStore(database, keys);
        this.templates = new JdbcTemplateStore(database);
        this.cloudProperties = new JdbcCloudPropertyStore(database);
        this.telemetryIssues = new JdbcTelemetryIssueStore(database);
        this.relationships = new JdbcRelationshipStore(database);
        this.commandHistory = new JdbcCommandHistoryStore(database);
        this.outbox = new JdbcOutboxStore(database);
        this.deviceGroups = new JdbcDeviceGroupStore(database, keys, Clock.systemUTC());
        this.rules = new JdbcRuleStore(database, keys);
        this.exports = new JdbcExportStore(database, keys);
        this.jobs = new JdbcJobStore(database);
        this.scheduledJobs = new JdbcScheduledJobStore(database, jobs);
        this.dashboards = new JdbcDashboardStore(database, Clock.systemUTC());
        this.files = new JdbcDeviceFileStore(database, keys);
    }

    /**
     * Migrates {@code database}, checks that {@code cipher} holds the key the stored secrets were
     * sealed with (else {@link org.opencentral.core.secret.SecretKeyMismatchException}), seals keys
     * an older version stored in plaintext, and wraps it; closes the database if any step fails.
     */
    public static StateStore open(JdbcDatabase database, SecretCipher cipher) {
        try {
            new Migrator(database, Clock.systemUTC()).migrate();
            new SecretsAtRest(database, cipher, Clock.systemUTC()).prepare();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return new JdbcStateStore(database, new SealedKeys(cipher));
    }

    @Override
    public DeviceStore devices() {
        return devices;
    }

    @Override
    public TwinStore twins() {
        return twins;
    }

    @Override
    public C2dQueueStore c2d() {
        return c2d;
    }

    @Override
    public LastValueStore lastValues() {
        return lastValues;
    }

    @Override
    public CursorStore cursors() {
        return cursors;
    }

    @Override
    public ApiTokenStore apiTokens() {
        return apiTokens;
    }

    @Override
    public UserStore users() {
        return users;
    }

    @Override
    public RoleStore roles() {
        return roles;
    }

    @Override
    public OrganizationStore organizations() {
        return organizations;
    }

    @Override
    public AuditLogStore auditLog() {
        return auditLog;
    }

    @Override
    public SessionStore sessions() {
        return sessions;
    }

    @Override
    public ProvisioningStore provisioning() {
        return provisioning;
    }

    @Override
    public TemplateStore templates() {
        return templates;
    }

    @Override
    public CloudPropertyStore cloudProperties() {
        return cloudProperties;
    }

    @Override
    public TelemetryIssueStore telemetryIssues() {
        return telemetryIssues;
    }

    @Override
    public RelationshipStore relationships() {
        return relationships;
    }

    @Override
    public CommandHistoryStore commandHistory() {
        return commandHistory;
    }

    @Override
    public ExportStore exports() {
        return exports;
    }

    @Override
    public OutboxStore outbox() {
        return outbox;
    }

    @Override
    public RuleStore rules() {
        return rules;
    }

    @Override
    public void close() {
        database.close();
    }

    @Override
    public org.opencentral.core.group.DeviceGroupStore deviceGroups() {
        return deviceGroups;
    }

    @Override
    public org.opencentral.core.job.JobStore jobs() {
        return jobs;
    }

    @Override
    public org.opencentral.core.job.ScheduledJobStore scheduledJobs() {
        return scheduledJobs;
    }

    @Override
    public org.opencentral.core.dashboard.DashboardStore dashboards() {
        return dashboards;
    }

    @Override
    public org.opencentral.core.file.DeviceFileStore files() {
        return files;
    }
}
