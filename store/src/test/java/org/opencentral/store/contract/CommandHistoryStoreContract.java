package org.opencentral.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencentral.store.contract.Fixtures.T0;
import static org.opencentral.store.contract.Fixtures.device;
import static org.opencentral.store.contract.Fixtures.id;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.opencentral.core.Json;
import org.opencentral.core.store.CommandHistoryStore;
import org.opencentral.core.store.CommandOutcome;
import org.opencentral.core.store.CommandRecord;
import org.opencentral.core.store.Page;

/** Command history: stored in order, read newest first in pages, bounded per command, gone with the device. */
public interface CommandHistoryStoreContract extends StoreFixture {
    private static CommandRecord call(String device, String command, int n, CommandOutcome outcome) {
        return new CommandRecord(0, "req-" + n, id(device), command, "apiToken:admin", T0.plusSeconds(n),
                T0.plusSeconds(n).plusMillis(7), 0, 30, Optional.of(Json.parse("{\"n\":" + n + "}")), outcome);
    }

    private static CommandRecord answered(String device, String command, int n) {
        return call(device, command, n, new CommandOutcome.Answered(200, Json.parse("{\"ok\":" + n + "}")));
    }

    @Test
    default void invocationsAreReadBackNewestFirstInPages() {
        store().devices().insert(device("d1"));
        CommandRecord timedOut = call("d1", "reboot", 3, new CommandOutcome.TimedOut());
        CommandRecord noPayload = new CommandRecord(0, "req-4", id("d1"), "reboot", "user:u1", T0, T0, 5, 5,
                Optional.empty(), new CommandOutcome.NotConnected());
        assertThat(store().commandHistory().append(List.of(answered("d1", "reboot", 1), answered("d1", "c1*reboot", 2),
                timedOut, noPayload))).isEqualTo(4);

        Page<CommandRecord> first = store().commandHistory().list(id("d1"), "reboot", Optional.empty(), 2);
        assertThat(first.items()).extracting(CommandRecord::id).containsExactly("req-4", "req-3");
        assertThat(first.items().getFirst()).usingRecursiveComparison().ignoringFields("sequence").isEqualTo(noPayload);
        assertThat(first.items().get(1)).usingRecursiveComparison().ignoringFields("sequence").isEqualTo(timedOut);
        Page<CommandRecord> second = reopen().commandHistory().list(id("d1"), "reboot",
                first.next().map(Long::parseLong), 2);
        assertThat(second.items()).singleElement().satisfies(r -> {
            assertThat(r).usingRecursiveComparison().ignoringFields("sequence").isEqualTo(answered("d1", "reboot", 1));
            assertThat(r.sequence()).isLessThan(first.items().get(1).sequence());
        });
        assertThat(second.next()).isEmpty();
        assertThat(store().commandHistory().list(id("d1"), "c1*reboot", Optional.empty(), 10).items())
                .extracting(CommandRecord::id).containsExactly("req-2");
    }

    @Test
    default void onlyTheNewestInvocationsOfEachCommandAreKept() {
        store().devices().insert(device("d1"));
        int total = CommandHistoryStore.KEEP + 5;
        store().commandHistory().append(IntStream.rangeClosed(1, total - 1)
                .mapToObj(n -> answered("d1", "ping", n)).toList());
        store().commandHistory().append(List.of(answered("d1", "ping", total), answered("d1", "other", 0)));

        Page<CommandRecord> all = store().commandHistory().list(id("d1"), "ping", Optional.empty(), 1000);
        assertThat(all.items()).hasSize(CommandHistoryStore.KEEP);
        assertThat(all.items().getFirst().id()).isEqualTo("req-" + total);
        assertThat(all.items().getLast().id()).isEqualTo("req-" + (total - CommandHistoryStore.KEEP + 1));
        assertThat(store().commandHistory().list(id("d1"), "other", Optional.empty(), 10).items()).hasSize(1);
    }

    @Test
    default void historyIsDeletedWithTheDeviceAndNotRecordedForMissingDevices() {
        store().devices().insert(device("d1"));
        store().devices().insert(device("d2"));
        assertThat(store().commandHistory().append(List.of(answered("d1", "ping", 1), answered("d2", "ping", 2),
                answered("gone", "ping", 3)))).isEqualTo(2);

        store().devices().delete(id("d1"));

        assertThat(store().commandHistory().list(id("d1"), "ping", Optional.empty(), 10).items()).isEmpty();
        assertThat(store().commandHistory().list(id("gone"), "ping", Optional.empty(), 10).items()).isEmpty();
        assertThat(store().commandHistory().list(id("d2"), "ping", Optional.empty(), 10).items())
                .extracting(CommandRecord::id).containsExactly("req-2");
    }
}
