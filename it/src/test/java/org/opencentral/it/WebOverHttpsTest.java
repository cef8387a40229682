package org.opencentral.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.Json;
import org.opencentral.server.config.HttpConfig;
import org.opencentral.server.config.MqttConfig;
import org.opencentral.testkit.RestClient;
import org.opencentral.testkit.TestPlatform;

/**
 * The web UI and REST API over TLS on the HTTPS port, next to MQTT over WebSockets and DPS: a real
 * TLS client trusting the node's certificate authority signs in, calls the API and loads the UI;
 * HTTPS answers carry HSTS and the session cookies are {@code Secure}; the web server sees each
 * peer's own address through the tunnel (sign-in back-off per address). Plain HTTP binds the loopback
 * address by default, so a client on another address of the machine cannot reach it, while the
 * HTTPS port answers there.
 */
@Timeout(60)
class WebOverHttpsTest {
    private static TestPlatform platform;

    /** Listeners as configured by default: plain HTTP on its default (loopback) address, TLS on all. */
    @BeforeAll
    static void start() {
        platform = TestPlatform.start(config -> config.toBuilder()
                .http(new HttpConfig(HttpConfig.defaults().bindAddress(), 0))
                .mqtt(new MqttConfig("0.0.0.0", 0, OptionalInt.of(0), OptionalInt.of(0))).build());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void theRestApiAnswersOverTlsWithTheServerCertificate() {
        RestClient rest = platform.restOverHttps();

        rest.put("/devices/https-device", Map.of("displayName", "Over TLS")).ok();
        JsonNode device = rest.get("/devices/https-device").ok();

        assertThat(device.path("displayName").asText()).isEqualTo("Over TLS");
        assertThat(platform.rest().get("/devices/https-device").ok().path("displayName").asText())
                .as("the same application on plain HTTP (loopback)").isEqualTo("Over TLS");
    }

    @Test
    void httpsAnswersCarryHstsAndPlainHttpOnesDoNot() throws Exception {
        HttpResponse<String> secure = get(https(), URI.create(platform.https() + "/"));
        HttpResponse<String> plain = get(HttpClient.newHttpClient(), URI.create(platform.http() + "/"));

        assertThat(secure.statusCode()).isEqualTo(200);
        assertThat(secure.body()).contains("<html");
        assertThat(secure.headers().firstValue("strict-transport-security")).hasValue("max-age=31536000");
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("strict-transport-security")).isEmpty();
    }

    @Test
    void hstsIsNotSentToABrowserThatCalledTheServerLocalhost() throws Exception {
        String named = overTls(InetAddress.getLoopbackAddress(), platform.websocketPort(),
                "GET /healthz HTTP/1.1\r\nHost: iot.example.com\r\nConnection: close\r\n\r\n");
        String local = overTls(InetAddress.getLoopbackAddress(), platform.websocketPort(),
                "GET /healthz HTTP/1.1\r\nHost: localhost:" + platform.websocketPort() + "\r\nConnection: close\r\n\r\n");

        assertThat(named).startsWith("HTTP/1.1 200").containsIgnoringCase("strict-transport-security: max-age=31536000");
        assertThat(local).as("it would make http://localhost:8080 unreachable in that browser")
                .startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("strict-transport-security");
    }

    @Test
    void signingInOverTlsSetsSecureHttpOnlyCookies() throws Exception {
        HttpRequest login = HttpRequest.newBuilder(URI.create(platform.https() + "/api/auth/login?api-version=2022-07-31"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("email", "admin@example.com",
                        "password", "a-long-test-password"))))
                .build();

        HttpResponse<String> answer = https().send(login, HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        List<String> cookies = answer.headers().allValues("set-cookie");
        assertThat(cookies).hasSize(2).allSatisfy(cookie -> assertThat(cookie).contains("; Secure"));
        assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("oc_session=").contains("; HttpOnly"));
    }

    @Test
    void theLiveFeedStreamsThroughTheTunnel() throws Exception {
        platform.restOverHttps().put("/devices/live-over-tls", Map.of("displayName", "Live")).ok();
        HttpRequest live = HttpRequest.newBuilder(URI.create(platform.https()
                        + "/api/live?api-version=2022-07-31&devices=live-over-tls"))
                .header("Authorization", platform.adminToken()).build();

        HttpResponse<Stream<String>> answer = https().send(live, HttpResponse.BodyHandlers.ofLines());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        try (Stream<String> lines = answer.body()) {
            assertThat(lines.filter(line -> line.startsWith("event: ")).findFirst()).isPresent();
        }
    }

    @Test
    void plainHttpIsNotReachableFromAnotherAddressWhileHttpsIs() throws Exception {
        Optional<InetAddress> other = nonLoopbackAddress();
        assumeThat(other).as("this machine has a non-loopback IPv4 address").isPresent();
        int plainPort = platform.http().getPort();

        assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress(other.get(), plainPort), 5_000))
                .isInstanceOf(ConnectException.class);
        assertThat(healthOverTls(other.get(), platform.websocketPort())).startsWith("HTTP/1.1 200");
    }

    @Test
    void theWebServerSeesEachPeersOwnAddress() throws Exception {
        Optional<InetAddress> other = nonLoopbackAddress();
        assumeThat(other).as("this machine has a non-loopback IPv4 address").isPresent();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(overTls(other.get(), platform.websocketPort(), login("nobody-" + i + "@example.com")));
        }

        assertThat(answers.subList(0, 5)).allSatisfy(status -> assertThat(status).startsWith("HTTP/1.1 401"));
        assertThat(answers.get(5)).as("that address backs off").startsWith("HTTP/1.1 429");
        assertThat(overTls(InetAddress.getLoopbackAddress(), platform.websocketPort(), login("someone@example.com")))
                .as("another peer through the same tunnel does not").startsWith("HTTP/1.1 401");
    }

    @Test
    void plainHttpBindsTheLoopbackAddressByDefault() throws Exception {
        assertThat(InetAddress.getByName(HttpConfig.defaults().bindAddress()).isLoopbackAddress()).isTrue();
    }

    private static String healthOverTls(InetAddress address, int port) throws IOException {
        return overTls(address, port, "GET /healthz HTTP/1.1\r\nHost: opencentral\r\nConnection: close\r\n\r\n");
    }

    private static String login(String email) {
        String body = Json.write(Map.of("email", email, "password", "not-the-password"));
        return "POST /api/auth/login?api-version=2022-07-31 HTTP/1.1\r\nHost: opencentral\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    /**
     * One request over TLS to an address the certificate may not name (trust checked, host name
     * not); the answer's status line and headers, one a line.
     */
    private static String overTls(InetAddress address, int port, String request) throws IOException {
        try (SSLSocket socket = (SSLSocket) platform.deviceTrust().getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(address, port), 5_000);
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            StringBuilder head = new StringBuilder();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                head.append(line).append('\n');
            }
            return head.toString();
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(WebOverHttpsTest::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()
                        && !address.isLinkLocalAddress())
                .findFirst();
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    private static HttpClient https() {
        return HttpClient.newBuilder().sslContext(platform.deviceTrust()).build();
    }

    private static HttpResponse<String> get(HttpClient client, URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
