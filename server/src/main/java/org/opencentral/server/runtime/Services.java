package org.opencentral.server.runtime;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.store.StateStore;
import org.opencentral.platform.c2d.CloudToDeviceService;
import org.opencentral.platform.command.CommandHistory;
import org.opencentral.platform.command.CommandService;
import org.opencentral.platform.device.DeviceAuthenticator;
import org.opencentral.platform.device.DeviceRegistry;
import org.opencentral.platform.ingest.ActivityTracker;
import org.opencentral.platform.ingest.IngestService;
import org.opencentral.platform.ingest.MessageSizeLimit;
import org.opencentral.api.SecurityServices;
import org.opencentral.platform.audit.AuditLog;
import org.opencentral.platform.organization.OrganizationService;
import org.opencentral.platform.outbox.OutboxForwarder;
import org.opencentral.platform.security.ApiTokenService;
import org.opencentral.platform.security.LoginThrottle;
import org.opencentral.platform.security.PasswordHasher;
import org.opencentral.platform.security.RoleCatalog;
import org.opencentral.platform.security.SessionService;
import org.opencentral.platform.security.UserService;
import org.opencentral.platform.session.DeviceSessions;
import org.opencentral.platform.twin.TwinService;

/** The platform's domain services, built once over the stores. */
record Services(DeviceSessions sessions, DeviceRegistry devices, DeviceAuthenticator authenticator,
        TwinService twins, CommandService commands, CloudToDeviceService cloudToDevice, ActivityTracker activity,
        IngestService ingest, SecurityServices security, CommandHistory commandHistory,
        OutboxForwarder outboxForwarder) {

    static Services create(StateStore state, EventLog log, ApplicationIdentity identity, Clock clock,
            ScheduledExecutorService timer, MessageSizeLimit messageSize) {
        DeviceSessions sessions = new DeviceSessions(timer);
        ActivityTracker activity = new ActivityTracker(state.devices(), clock);
        CommandHistory commandHistory = new CommandHistory(state.commandHistory());
        return new Services(sessions,
                new DeviceRegistry(state.devices(), state.outbox(), sessions, clock),
                new DeviceAuthenticator(state.devices(), clock),
                new TwinService(state.twins(), state.outbox(), sessions, clock),
                new CommandService(sessions, commandHistory, clock),
                new CloudToDeviceService(state.c2d(), sessions, clock),
                activity,
                new IngestService(log, activity, clock, messageSize),
                security(state, identity, clock), commandHistory,
                new OutboxForwarder(state.outbox(), log));
    }

    private static SecurityServices security(StateStore state, ApplicationIdentity identity, Clock clock) {
        RoleCatalog roles = new RoleCatalog(state.roles(), clock);
        UserService users = new UserService(state.users(), state.sessions(), new PasswordHasher(), clock);
        return new SecurityServices(
                new ApiTokenService(state.apiTokens(), roles, identity.applicationId(), clock),
                users,
                new SessionService(state.sessions(), users, new LoginThrottle(clock), clock),
                roles,
                new OrganizationService(state.organizations(), state.devices(), state.users(), state.apiTokens()),
                new AuditLog(state.auditLog(), state.outbox(), clock));
    }
}
