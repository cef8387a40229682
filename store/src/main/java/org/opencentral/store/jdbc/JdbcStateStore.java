package org.opencentral.store.jdbc;

import java.time.Clock;
import org.opencentral.core.store.ApiTokenStore;
import org.opencentral.core.store.RelationshipStore;
import org.opencentral.core.store.CloudPropertyStore;
import org.opencentral.core.store.AuditLogStore;
import org.opencentral.core.store.C2dQueueStore;
import org.opencentral.core.store.CursorStore;
import org.opencentral.core.store.DeviceStore;
import org.opencentral.core.store.LastValueStore;
import org.opencentral.core.store.OrganizationStore;
import org.opencentral.core.store.ProvisioningStore;
import org.opencentral.core.store.RoleStore;
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

    private JdbcStateStore(JdbcDatabase database) {
        this.database = database;
        this.devices = new JdbcDeviceStore(database);
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
        this.provisioning = new JdbcProvisioningStore(database);
        this.templates = new JdbcTemplateStore(database);
        this.cloudProperties = new JdbcCloudPropertyStore(database);
        this.telemetryIssues = new JdbcTelemetryIssueStore(database);
        this.relationships = new JdbcRelationshipStore(database);
    }

    /** Migrates {@code database} and wraps it; closes the database if migrating fails. */
    public static StateStore open(JdbcDatabase database) {
        try {
            new Migrator(database, Clock.systemUTC()).migrate();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return new JdbcStateStore(database);
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
    public void close() {
        database.close();
    }
}
