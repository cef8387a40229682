package org.opencentral.transport.internal.pipeline;

import java.util.Locale;
import org.slf4j.event.Level;

/** Why a connection ended: the metrics tag, the text given to the connection listener, the log level. */
public enum CloseReason {
    CLIENT_DISCONNECT("client disconnect", Level.DEBUG),
    CONNECTION_LOST("connection lost", Level.DEBUG),
    KEEP_ALIVE_TIMEOUT("keep-alive timeout", Level.INFO),
    HTTP_IDLE("idle HTTPS connection", Level.DEBUG),
    WEB("web connection ended", Level.DEBUG),
    CONNECT_TIMEOUT("no CONNECT in time", Level.INFO),
    REFUSED("connection refused", Level.INFO),
    MALFORMED_PACKET("malformed packet", Level.INFO),
    MESSAGE_TOO_LARGE("message too large", Level.INFO),
    PROTOCOL_VIOLATION("protocol violation", Level.INFO),
    FORBIDDEN_TOPIC("forbidden topic", Level.WARN),
    QOS2_NOT_SUPPORTED("QoS 2 is not supported", Level.INFO),
    INGEST_FAILED("message could not be stored", Level.WARN),
    BACKLOG_EXCEEDED("too many unacknowledged messages", Level.WARN),
    PLATFORM("closed by the platform", Level.INFO),
    TLS_FAILED("TLS handshake failed", Level.DEBUG),
    SERVER_STOPPING("server stopping", Level.DEBUG),
    CONNECTION_LIMIT("connection limit reached", Level.WARN),
    INTERNAL_ERROR("internal error", Level.WARN);

    private final String label;
    private final Level level;

    CloseReason(String label, Level level) {
        this.label = label;
        this.level = level;
    }

    public String label() {
        return label;
    }

    public Level level() {
        return level;
    }

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
