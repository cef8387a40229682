package org.opencentral.core.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

class RepeatedFailuresTest {
    private static final Duration WINDOW = Duration.ofSeconds(60);

    private final RecordingLogger log = new RecordingLogger();
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final RepeatedFailures failures = new RepeatedFailures(log, WINDOW, nanos::get);

    @Test
    void theFirstFailureIsLoggedWithItsStackTraceAndRepeatsOnlyAsACountOncePerWindow() {
        for (int i = 0; i < 120; i++) { // a device reconnecting every half second for a minute
            failures.log(Level.WARN, diskFull(), "cannot authenticate device {}", "d-" + i);
            nanos.addAndGet(Duration.ofMillis(500).toNanos());
        }
        failures.log(Level.WARN, diskFull(), "cannot authenticate device {}", "d-120");

        assertThat(log.lines).hasSize(2);
        assertThat(log.lines.getFirst()).isEqualTo(new Line(Level.WARN, "cannot authenticate device d-0", true));
        assertThat(log.lines.get(1)).isEqualTo(new Line(Level.WARN, "cannot authenticate device d-120 ("
                + diskFull() + "; 119 more like this in the last 60 s, the first logged with its stack trace)",
                false));
    }

    @Test
    void failuresOfAnotherPatternOrRootCauseAreLoggedWhole() {
        failures.log(Level.ERROR, diskFull(), "consumer {} failed", "history");
        failures.log(Level.ERROR, diskFull(), "consumer {} failed", "rules");
        failures.log(Level.ERROR, new IllegalStateException("closed"), "consumer {} failed", "rules");
        failures.log(Level.ERROR, diskFull(), "event log batch of {} failed", 3);

        assertThat(log.lines).extracting(Line::message).containsExactly("consumer history failed",
                "consumer rules failed", "event log batch of 3 failed");
        assertThat(log.lines).allMatch(Line::withStackTrace);
    }

    @Test
    void recoveryLogsWhatWasCountedAndAFailureAfterAQuietWindowIsNewsAgain() {
        failures.log(Level.ERROR, diskFull(), "outbox-forwarder failed");
        failures.log(Level.ERROR, diskFull(), "outbox-forwarder failed");
        failures.log(Level.ERROR, diskFull(), "outbox-forwarder failed");
        failures.recovered();
        failures.recovered();
        failures.log(Level.ERROR, diskFull(), "outbox-forwarder failed"); // back within the window: counted
        failures.recovered();
        nanos.addAndGet(WINDOW.toNanos());
        failures.log(Level.ERROR, diskFull(), "outbox-forwarder failed");

        assertThat(log.lines).containsExactly(new Line(Level.ERROR, "outbox-forwarder failed", true),
                new Line(Level.INFO, "2 more failures like \"outbox-forwarder failed\" (java.io.IOException) "
                        + "until it recovered", false),
                new Line(Level.INFO, "1 more failures like \"outbox-forwarder failed\" (java.io.IOException) "
                        + "until it recovered", false),
                new Line(Level.ERROR, "outbox-forwarder failed", true));
    }

    @Test
    void aWindowMustBePositive() {
        assertThatThrownBy(() -> new RepeatedFailures(log, Duration.ZERO, nanos::get))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A full disk as the stores report it: wrapped, with the I/O error at the root. */
    private static RuntimeException diskFull() {
        return new UncheckedIOException(new IOException("No space left on device"));
    }

    record Line(Level level, String message, boolean withStackTrace) {
    }

    /** A logger that keeps what it is asked to log. */
    private static final class RecordingLogger extends LegacyAbstractLogger {
        final List<Line> lines = new CopyOnWriteArrayList<>();

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                Throwable throwable) {
            lines.add(new Line(level, MessageFormatter.basicArrayFormat(pattern, arguments), throwable != null));
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        public boolean isTraceEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }
    }
}
