package org.opencentral.uitests;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a browser context showed that a person would take for a fault: console errors, uncaught
 * exceptions, responses with an error status and requests that failed. A test names the failures
 * it provokes on purpose ({@link #expectFailure}); those, and Chromium's "Failed to load resource"
 * console line for each of them, are excused. A request the page cancelled itself (a navigation
 * away, an aborted fetch: {@code net::ERR_ABORTED}) is not a failure.
 */
final class ConsoleWatch {
    private static final String ABORTED = "net::ERR_ABORTED";
    private static final String LOAD_FAILED = "Failed to load resource";

    /** A failure the test provokes: this method on a path starting with this prefix answers this status. */
    private record Expected(String method, String pathPrefix, int status) {
        boolean matches(Response response) {
            return response.request().method().equals(method) && response.status() == status
                    && URI.create(response.url()).getPath().startsWith(pathPrefix);
        }
    }

    private record Failed(String url, String text) {
    }

    private final List<Expected> expected = new CopyOnWriteArrayList<>();
    private final List<Response> errorResponses = new CopyOnWriteArrayList<>();
    private final List<Failed> consoleErrors = new CopyOnWriteArrayList<>();
    private final List<String> other = new CopyOnWriteArrayList<>();

    static ConsoleWatch on(BrowserContext context) {
        ConsoleWatch watch = new ConsoleWatch();
        context.onConsoleMessage(watch::console);
        context.onWebError(error -> watch.other.add("uncaught error: " + error.error()));
        context.onResponse(response -> {
            if (response.status() >= 400) {
                watch.errorResponses.add(response);
            }
        });
        context.onRequestFailed(watch::failed);
        return watch;
    }

    void expectFailure(String method, String pathPrefix, int status) {
        expected.add(new Expected(method, pathPrefix, status));
    }

    private void console(ConsoleMessage message) {
        if ("error".equals(message.type())) {
            consoleErrors.add(new Failed(message.location(), message.text()));
        }
    }

    private void failed(Request request) {
        String failure = request.failure();
        if (!ABORTED.equals(failure)) {
            other.add("failed request: " + request.method() + " " + request.url() + " (" + failure + ")");
        }
    }

    /** Every fault seen so far that the test did not expect. */
    List<String> problems() {
        List<String> excusedUrls = errorResponses.stream().filter(r -> expected.stream().anyMatch(e -> e.matches(r)))
                .map(Response::url).toList();
        List<String> problems = new java.util.ArrayList<>(other);
        errorResponses.stream().filter(r -> !excusedUrls.contains(r.url())).forEach(r -> problems.add(
                "failed request: " + r.request().method() + " " + r.url() + " -> " + r.status()));
        consoleErrors.stream()
                .filter(c -> !(c.text().startsWith(LOAD_FAILED) && excusedUrls.stream().anyMatch(c.url()::startsWith)))
                .forEach(c -> problems.add("console error: " + c.text() + " (" + c.url() + ")"));
        return problems;
    }

    void assertClean() {
        assertThat(problems()).as("console errors and failed requests in the browser").isEmpty();
    }
}
