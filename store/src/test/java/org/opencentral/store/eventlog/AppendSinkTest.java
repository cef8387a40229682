package org.opencentral.store.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.event.AppendSink;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.store.contract.Concurrently;

/**
 * Appends told through an {@link AppendSink}: every append's outcome once, in append order, and one
 * batch end per sink per committed batch — the hand-off a transport makes once per batch.
 */
class AppendSinkTest {
    @TempDir
    Path directory;
    private final List<GroupCommitLog> opened = new ArrayList<>();

    /** What the writer told, in the order it told it (sinks' calls and the batch observer's). */
    private final List<String> told = new ArrayList<>();

    private GroupCommitLog open() {
        GroupCommitLog log = DuckDbEventLog.open(directory.resolve("log/events.duckdb"), DuckDbLogSettings.DEFAULTS,
                TailLimits.DEFAULTS);
        opened.add(log);
        return log;
    }

    @AfterEach
    void closeAll() {
        opened.forEach(GroupCommitLog::close);
    }

    private final class Recording implements AppendSink<Long> {
        private final String name;
        final Map<Long, Long> sequences = new ConcurrentHashMap<>();

        Recording(String name) {
            this.name = name;
        }

        @Override
        public void durable(Long number, long sequence) {
            sequences.put(number, sequence);
            record(name + " durable " + number);
        }

        @Override
        public void failed(Long number, Throwable cause) {
            record(name + " failed " + number);
        }

        @Override
        public void batchEnd() {
            record(name + " end");
        }
    }

    private void record(String line) {
        synchronized (told) {
            told.add(line);
        }
    }

    @Test
    void eachSinkHearsItsAppendsInOrderAndOneEndPerBatch() throws Exception {
        GroupCommitLog log = open();
        log.observeBatches((events, queued, commit, failed) -> record("batch " + events));
        List<Recording> sinks = List.of(new Recording("a"), new Recording("b"));
        int perSink = 5_000;

        Concurrently.run(2, t -> {
            for (long i = 0; i < perSink; i++) {
                log.append(Events.numbered(t * perSink + i), sinks.get(t), i);
            }
            return null;
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> log.lastSequence() == 2L * perSink
                && sinks.stream().allMatch(s -> s.sequences.size() == perSink));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            synchronized (told) {
                return told.getLast().startsWith("batch");
            }
        });
        List<String> lines;
        synchronized (told) {
            lines = List.copyOf(told);
        }
        int batches = 0;
        List<String> ofBatch = new ArrayList<>();
        for (String line : lines) {
            if (!line.startsWith("batch")) {
                ofBatch.add(line);
                continue;
            }
            batches++;
            int events = Integer.parseInt(line.substring("batch ".length()));
            assertThat(ofBatch.stream().filter(l -> l.contains("durable"))).hasSize(events);
            for (String sink : List.of("a", "b")) {
                List<String> its = ofBatch.stream().filter(l -> l.startsWith(sink + " ")).toList();
                if (!its.isEmpty()) {
                    assertThat(its.getLast()).as("one end, after the batch's outcomes").isEqualTo(sink + " end");
                    assertThat(its.stream().filter(l -> l.endsWith(" end"))).hasSize(1);
                }
            }
            ofBatch.clear();
        }
        assertThat(batches).isLessThan(2 * perSink);
        for (Recording sink : sinks) {
            List<Long> inOrder = new ArrayList<>();
            for (long i = 0; i < perSink; i++) {
                inOrder.add(sink.sequences.get(i));
            }
            assertThat(inOrder).isSorted().doesNotHaveDuplicates();
        }
        assertThat(lines.stream().filter(l -> l.startsWith("a durable")).map(l -> Long.parseLong(l.substring(10))))
                .isSorted().hasSize(perSink);
    }

    @Test
    void anAppendRefusedAtOnceIsToldAsFailedWithItsEnd() {
        GroupCommitLog log = open();
        Recording sink = new Recording("a");
        PlatformEvent tooLate = new PlatformEvent.DeviceConnected(Events.DEVICE, Instant.parse("2300-01-01T00:00:00Z"));

        log.append(tooLate, sink, 1L);
        log.close();
        log.append(Events.numbered(2), sink, 2L);

        assertThat(told).containsExactly("a failed 1", "a end", "a failed 2", "a end");
        assertThat(sink.sequences).isEmpty();
    }
}
