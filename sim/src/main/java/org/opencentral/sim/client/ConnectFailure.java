package org.opencentral.sim.client;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Why a connection failed or closed, as a short stable error kind for reports. */
public final class ConnectFailure extends IOException {
    private final String kind;

    public ConnectFailure(String kind, String message) {
        super(message);
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }

    /** A kind for any failure: {@code connack_5}, {@code tls_handshake}, {@code connect_refused}… */
    public static String kindOf(Throwable error) {
        Throwable e = error;
        while (e instanceof java.util.concurrent.CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return switch (e) {
            case ConnectFailure f -> f.kind();
            case ConnectTimeoutException t -> "connect_timeout";
            case SslHandshakeTimeoutException t -> "tls_handshake_timeout";
            case ConnectException c -> "connect_refused";
            case TimeoutException t -> "timeout";
            case DecoderException d when d.getCause() instanceof SSLException -> "tls_error";
            case DecoderException d -> "decode_error";
            case SSLException s -> "tls_error";
            case ClosedChannelException c -> "closed";
            case IOException io when String.valueOf(io.getMessage()).contains("reset") -> "connection_reset";
            case IOException io -> "io_error";
            default -> "other_" + e.getClass().getSimpleName();
        };
    }
}
