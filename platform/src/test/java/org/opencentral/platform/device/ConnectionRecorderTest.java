package org.opencentral.platform.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.core.event.PlatformEvent.DeviceConnected;
import org.opencentral.core.event.PlatformEvent.DeviceDisconnected;
import org.opencentral.core.store.OutboxEntry;
import org.opencentral.core.store.StateStore;
import org.opencentral.platform.command.CommandHistory;
import org.opencentral.platform.session.DeviceSessions;
import org.opencentral.platform.template.TemplateAssignment;
import org.opencentral.platform.template.TemplateService;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;

/**
 * A connect storm on a real SQLite state store: every call returns with its change stored, the
 * changes that queued while a transaction was writing share the next one, and one device's changes
 * keep their order.
 */
class ConnectionRecorderTest {
    private static final int DEVICES = 200;

    @TempDir
    Path dir;
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    final AtomicInteger commits = new AtomicInteger();
    StateStore state;
    DeviceRegistry devices;
    ConnectionRecorder recorder;

    @BeforeEach
    void open() {
        state = SqliteStateStore.open(dir.resolve("state.db"), AesGcmSecretCipher.random());
        devices = new DeviceRegistry(state.devices(), state.outbox(), new DeviceSessions(timer), new CommandHistory(state.commandHistory()), Clock.systemUTC());
        TemplateService templates = new TemplateService(state.templates(), Optional.empty(), state.outbox(),
                Clock.systemUTC());
        recorder = new ConnectionRecorder(state.devices(), state.outbox(), Clock.systemUTC(),
                new TemplateAssignment(templates, devices));
        IntStream.range(0, DEVICES).forEach(i -> devices.create(id(i), DeviceChanges.NONE));
        state.outbox().forwarded(state.outbox().pending(10 * DEVICES));
        state.outbox().onCommitted(commits::incrementAndGet);
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        timer.shutdownNow();
        state.close();
    }

    @Test
    void connectsThatQueueWhileATransactionWritesShareTheNextOne() throws Exception {
        List<Future<?>> calls = state.outbox().write(holdingTheWriteLock -> {
            Future<?> first = threads.submit(() -> recorder.connected(id(0), Optional.empty()));
            // the first call writes, and waits for this transaction; every later one queues behind it
            await().atMost(Duration.ofSeconds(30)).until(() -> recorder.writing() && recorder.queued() == 0);
            List<Future<?>> started = java.util.stream.Stream.concat(java.util.stream.Stream.of(first),
                    IntStream.range(1, DEVICES).mapToObj(i -> threads.submit(() -> recorder.connected(id(i),
                            Optional.empty())))).toList();
            await().atMost(Duration.ofSeconds(30)).until(() -> recorder.queued() == DEVICES - 1);
            assertThat(started).noneMatch(Future::isDone);
            return started;
        });
        for (Future<?> call : calls) {
            call.get();
        }

        assertThat(commits).as("the first caller's transaction and one for everyone who queued").hasValue(2);
        List<PlatformEvent> events = state.outbox().pending(10 * DEVICES).stream().map(OutboxEntry::event).toList();
        assertThat(events).hasSize(DEVICES).allMatch(DeviceConnected.class::isInstance);
        assertThat(IntStream.range(0, DEVICES).mapToObj(i -> devices.get(id(i))))
                .allMatch(device -> device.connection().connected());
    }

    @Test
    void oneDevicesChangesKeepTheirOrderAndAModelIdIsRecorded() {
        recorder.connected(id(1), Optional.of("dtmi:com:example:Thermostat;1"));
        recorder.disconnected(id(1), "client disconnect");
        recorder.connected(id(1), Optional.empty());
        recorder.disconnected(id(1), "keep-alive timeout");

        List<PlatformEvent> events = state.outbox().pending(10).stream().map(OutboxEntry::event).toList();
        assertThat(events).extracting(event -> event.getClass().getSimpleName())
                .containsExactly("DeviceConnected", "DeviceDisconnected", "DeviceConnected", "DeviceDisconnected");
        assertThat(((DeviceDisconnected) events.get(3)).reason()).isEqualTo("keep-alive timeout");
        assertThat(devices.get(id(1)).connection().connected()).isFalse();
        assertThat(commits).hasValue(4);
    }

    @Test
    void aConnectionOfAnUnknownDeviceIsIgnoredAndDoesNotFailTheOthers() {
        recorder.connected(DeviceId.of("never-created"), Optional.empty());
        recorder.connected(id(2), Optional.of("dtmi:com:example:Unknown;1"));

        assertThat(devices.get(id(2)).modelId()).contains("dtmi:com:example:Unknown;1");
        assertThat(devices.get(id(2)).template()).as("no template for that model: stays unassigned").isEmpty();
    }

    private static DeviceId id(int i) {
        return DeviceId.of("storm-" + i);
    }
}
