package org.opencentral.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.server.config.TlsConfig;

@Timeout(30)
class TlsHandshakeTest {
    private static final int TIMEOUT_MILLIS = 10_000;

    @TempDir
    Path dataDir;

    private TlsMaterial material;

    @BeforeEach
    void generate() {
        material = new TlsMaterialLoader(Clock.systemUTC(), "machine-name")
                .load(TlsConfig.generated(), dataDir.resolve("tls"), "iot.example.com");
    }

    @Test
    void aClientTrustingTheCaCompletesAHandshakeAndVerifiesTheHostName() throws Exception {
        try (SSLServerSocket server = listen()) {
            CompletableFuture<Integer> echoed = CompletableFuture.supplyAsync(() -> acceptAndEcho(server));

            try (SSLSocket client = connect(TlsContexts.trusting(dataDir.resolve("tls/ca.pem")), server)) {
                client.getOutputStream().write(42);
                client.getOutputStream().flush();

                assertThat(client.getInputStream().read()).isEqualTo(42);
                assertThat(client.getSession().getPeerCertificates()[0]).isEqualTo(material.serverCertificate());
            }
            assertThat(echoed.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)).isEqualTo(42);
        }
    }

    @Test
    void theMaterialsOwnClientContextTrustsTheServer() throws Exception {
        try (SSLServerSocket server = listen()) {
            CompletableFuture.supplyAsync(() -> acceptAndEcho(server));

            try (SSLSocket client = connect(material.clientSslContext(), server)) {
                client.startHandshake();

                assertThat(client.getSession().getProtocol()).startsWith("TLSv1.");
            }
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCaFailsTheHandshake() throws Exception {
        try (SSLServerSocket server = listen()) {
            CompletableFuture.supplyAsync(() -> acceptAndEcho(server));

            try (SSLSocket client = connect(SSLContext.getDefault(), server)) {
                assertThatThrownBy(client::startHandshake).isInstanceOf(SSLHandshakeException.class);
            }
        }
    }

    private SSLServerSocket listen() throws IOException {
        SSLServerSocket server = (SSLServerSocket) material.serverSslContext().getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
        server.setSoTimeout(TIMEOUT_MILLIS);
        return server;
    }

    private static SSLSocket connect(SSLContext context, SSLServerSocket server) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", server.getLocalPort());
        socket.setSoTimeout(TIMEOUT_MILLIS);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        return socket;
    }

    /** Accepts one connection and echoes one byte; returns it, or -1 if the handshake failed. */
    private static int acceptAndEcho(SSLServerSocket server) {
        try (SSLSocket socket = (SSLSocket) server.accept()) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            int value = socket.getInputStream().read();
            socket.getOutputStream().write(value);
            socket.getOutputStream().flush();
            return value;
        } catch (IOException e) {
            return -1;
        }
    }
}
