package org.opencentral.uitests;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium, launched by its path through Playwright (never a browser download). Missing
 * Chromium skips the tests on a developer machine and fails them in CI ({@code CI=true}).
 */
final class Chromium {
    static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage");

    private Chromium() {
    }

    static Path chromium() {
        Path path = Path.of(System.getProperty("chromium.path", "/usr/bin/chromium"));
        if (!Files.isExecutable(path)) {
            String message = "Chromium is not installed at " + path + " (apt-get install -y chromium); "
                    + "browser tests need it";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message + " — skipped locally; in CI this fails");
        }
        return path;
    }

    static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    /**
     * A headless Chromium that trusts certificates chained to one of {@code trusted} (the test
     * node's local CA and server certificate) by their keys' pins, as an operator who imported
     * {@code ca.pem} would; any other certificate error still fails the page.
     */
    static com.microsoft.playwright.Browser launch(Playwright playwright, List<X509Certificate> trusted) {
        List<String> flags = new ArrayList<>(FLAGS);
        flags.add("--ignore-certificate-errors-spki-list=" + String.join(",",
                trusted.stream().map(Chromium::spkiPin).toList()));
        // Playwright gives every launch a fresh, empty user data directory.
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium())
                .setHeadless(true).setArgs(flags));
    }

    /** Base64 of the SHA-256 of the certificate's SubjectPublicKeyInfo, as Chromium's pin list takes it. */
    static String spkiPin(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(certificate.getPublicKey().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path screenshots() {
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return dir;
    }
}
