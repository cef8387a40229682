package org.opencentral.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.testkit.TestPlatform;

/**
 * Every answer of the HTTP server, over plain HTTP and HTTPS, carries the browser-security headers:
 * the UI's page and its assets, an API answer, API errors (401, 404) and an error Jetty answers
 * itself (a malformed request target). The UI's page references scripts and styles by URL only,
 * so the policy needs no {@code 'unsafe-inline'}.
 */
@Timeout(60)
class SecurityHeadersTest {
    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    private static final Pattern ASSET = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"");
    private static TestPlatform platform;
    private static HttpClient https;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start();
        https = HttpClient.newBuilder().sslContext(platform.deviceTrust()).build();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void theUiPageAndItsAssetsCarryThemAndThePageHasNoInlineScriptOrStyle() throws Exception {
        for (URI base : List.of(platform.http(), platform.https())) {
            HttpResponse<String> page = get(base, "/", null);
            assertThat(page.statusCode()).isEqualTo(200);
            assertSecured(page.headers());
            assertThat(page.body()).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                    .doesNotContain("<style").doesNotContainPattern("\\sstyle=").doesNotContainPattern("\\son[a-z]+=");
            Matcher asset = ASSET.matcher(page.body());
            assertThat(asset.find()).as("the page's module script").isTrue();
            HttpResponse<String> script = get(base, asset.group(1), null);
            assertThat(script.statusCode()).isEqualTo(200);
            assertSecured(script.headers());
        }
    }

    @Test
    void apiAnswersAndApiErrorsCarryThem() throws Exception {
        for (URI base : List.of(platform.http(), platform.https())) {
            HttpResponse<String> list = get(base, "/api/devices?api-version=2022-07-31", platform.adminToken());
            HttpResponse<String> missing = get(base, "/api/devices/nobody?api-version=2022-07-31",
                    platform.adminToken());
            HttpResponse<String> anonymous = get(base, "/api/devices?api-version=2022-07-31", null);

            assertThat(list.statusCode()).isEqualTo(200);
            assertSecured(list.headers());
            assertThat(missing.statusCode()).isEqualTo(404);
            assertSecured(missing.headers());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertSecured(anonymous.headers());
        }
    }

    @Test
    void anErrorTheHttpServerAnswersItselfCarriesThem() throws Exception {
        HttpResponse<String> malformed = get(platform.http(), "/api/%2e%2e/%2e%2e/metrics", null);

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertSecured(malformed.headers());
    }

    private static void assertSecured(HttpHeaders headers) {
        assertThat(headers.firstValue("content-security-policy")).hasValue(POLICY);
        assertThat(headers.firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(headers.firstValue("referrer-policy")).hasValue("no-referrer");
    }

    private static HttpResponse<String> get(URI base, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            request.header("Authorization", token);
        }
        HttpClient client = base.getScheme().equals("https") ? https : HttpClient.newHttpClient();
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
