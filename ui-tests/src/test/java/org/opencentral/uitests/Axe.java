package org.opencentral.uitests;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * axe-core (from the web module's npm dependencies, never a CDN) run inside the page: the serious
 * and critical violations of WCAG 2.1 A/AA and axe's best practices, one line each.
 */
final class Axe {
    private static final String RUN = """
            async () => {
              const result = await axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
              });
              return result.violations
                .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                .map((v) => v.impact + ' ' + v.id + ': ' + v.help + ' at '
                  + v.nodes.slice(0, 5).map((n) => n.target.join(' ') + (n.failureSummary ? ' (' + n.failureSummary.replace(/\\s+/g, ' ') + ')' : '')).join('; '));
            }""";

    private Axe() {
    }

    static Path script() {
        Path path = Path.of(System.getProperty("axe.path", "../web/node_modules/axe-core/axe.min.js"));
        if (!Files.isReadable(path)) {
            throw new IllegalStateException("axe-core is not at " + path.toAbsolutePath()
                    + "; build the web module first (./mvnw -pl web install runs npm ci)");
        }
        return path;
    }

    /** The serious and critical violations on the page as it is now. */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(Page page) {
        if (!(Boolean) page.evaluate("() => typeof window.axe !== 'undefined'")) {
            // Evaluated through the DevTools protocol: an injected <script> tag would be inline script,
            // which the UI's Content-Security-Policy refuses (and reports as a console error).
            try {
                page.evaluate(Files.readString(script()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return (List<String>) page.evaluate(RUN);
    }

    /** For assertion messages. */
    static String describe(Map<String, List<String>> byPage) {
        StringBuilder out = new StringBuilder();
        byPage.forEach((where, violations) -> violations.forEach(v -> out.append(where).append(": ").append(v)
                .append('\n')));
        return out.toString();
    }
}
