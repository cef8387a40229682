package org.opencentral.store.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.event.LoggedEvent;

/** Nothing acknowledged is lost when the process is killed with SIGKILL in the middle of appends. */
abstract class EventLogCrashContract {
    @TempDir
    Path directory;

    /** Arguments for {@link CrashingAppender}: which engine and where. */
    protected abstract List<String> appenderArguments();

    /** Opens the log the child appended to, once the child's hold on it is gone. */
    protected abstract GroupCommitLog reopen();

    @Test
    @Timeout(60)
    void everyAcknowledgedAppendSurvivesKillMinus9() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                CrashingAppender.class.getName()));
        command.addAll(appenderArguments());
        Process child = new ProcessBuilder(command)
                .redirectError(directory.resolve("child.err").toFile())
                .start();
        Map<Long, Long> acked = new ConcurrentHashMap<>();
        Thread reader = Thread.ofVirtual().start(() -> readAcks(child, acked));

        await().atMost(Duration.ofSeconds(30)).until(() -> acked.size() >= 20_000 || !child.isAlive());
        assertThat(child.isAlive()).as("child still appending").isTrue();
        child.destroyForcibly();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        reader.join(Duration.ofSeconds(10));

        try (GroupCommitLog log = reopen()) {
            Map<Long, Long> stored = new HashMap<>();
            for (List<LoggedEvent> page = log.read(0, 10_000); !page.isEmpty();
                    page = log.read(page.getLast().sequence(), 10_000)) {
                page.forEach(e -> stored.put(e.sequence(), Events.numberOf(e.event())));
            }
            assertThat(stored).containsAllEntriesOf(acked);
            assertThat(stored.keySet()).hasSize((int) log.lastSequence());
            assertThat(log.append(Events.numbered(-1)).join()).isEqualTo(log.lastSequence());
        }
    }

    private static void readAcks(Process child, Map<Long, Long> acked) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] parts = line.split(" ");
                if (parts.length == 2) {
                    acked.put(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
                }
            }
        } catch (java.io.IOException e) {
            // the child died: every complete line before that was read
        }
    }
}
