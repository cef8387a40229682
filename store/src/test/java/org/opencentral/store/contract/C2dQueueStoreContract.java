package org.opencentral.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencentral.store.contract.Fixtures.T0;
import static org.opencentral.store.contract.Fixtures.assertFails;
import static org.opencentral.store.contract.Fixtures.device;
import static org.opencentral.store.contract.Fixtures.id;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.store.C2dMessage;

public interface C2dQueueStoreContract extends StoreFixture {
    static C2dMessage message(String device, String messageId, Instant enqueuedAt) {
        return new C2dMessage(id(device), messageId, enqueuedAt, enqueuedAt.plus(Duration.ofHours(1)),
                Map.of("priority", "high", "$.ct", "application/json"), new byte[] {0, 1, (byte) 0xff, '{', '}'});
    }

    @Test
    default void pendingMessagesComeOldestFirstAndRoundTrip() {
        store().devices().insert(device("d1"));
        C2dMessage newest = message("d1", "m3", T0.plusSeconds(3));
        C2dMessage oldest = message("d1", "m1", T0.plusSeconds(1));
        C2dMessage sameTime = message("d1", "m2", T0.plusSeconds(3));
        store().c2d().enqueue(newest);
        store().c2d().enqueue(oldest);
        store().c2d().enqueue(sameTime);

        assertThat(store().c2d().pending(id("d1"), T0, 10)).containsExactly(oldest, newest, sameTime);
        assertThat(store().c2d().pending(id("d1"), T0, 1)).containsExactly(oldest);
        assertThat(store().c2d().countPending(id("d1"), T0)).isEqualTo(3);
    }

    @Test
    default void enqueueForAnUnknownDeviceIsNotFound() {
        assertFails(ErrorCode.NOT_FOUND, () -> store().c2d().enqueue(message("ghost", "m1", T0)));
    }

    @Test
    default void aMessageIdIsUniquePerDevice() {
        store().devices().insert(device("d1"));
        store().devices().insert(device("d2"));
        store().c2d().enqueue(message("d1", "m1", T0));
        store().c2d().enqueue(message("d2", "m1", T0));

        assertFails(ErrorCode.CONFLICT, () -> store().c2d().enqueue(message("d1", "m1", T0.plusSeconds(1))));
        assertThat(store().c2d().countPending(id("d1"), T0)).isEqualTo(1);
    }

    @Test
    default void expiredMessagesAreNotPendingAndArePurged() {
        store().devices().insert(device("d1"));
        store().devices().insert(device("d2"));
        store().c2d().enqueue(message("d1", "old", T0));
        store().c2d().enqueue(message("d1", "new", T0.plus(Duration.ofMinutes(30))));
        store().c2d().enqueue(message("d2", "old", T0));
        Instant afterFirstExpiry = T0.plus(Duration.ofHours(1));

        assertThat(store().c2d().pending(id("d1"), afterFirstExpiry, 10)).extracting(C2dMessage::messageId)
                .containsExactly("new");
        assertThat(store().c2d().countPending(id("d1"), afterFirstExpiry)).isEqualTo(1);
        assertThat(store().c2d().purgeExpired(afterFirstExpiry)).isEqualTo(2);
        assertThat(store().c2d().purgeExpired(afterFirstExpiry)).isZero();
        assertThat(store().c2d().countPending(id("d1"), T0)).isEqualTo(1);
    }

    @Test
    default void removeTakesADeliveredMessageAway() {
        store().devices().insert(device("d1"));
        store().c2d().enqueue(message("d1", "m1", T0));
        store().c2d().enqueue(message("d1", "m2", T0));

        assertThat(store().c2d().remove(id("d1"), "m1")).isTrue();
        assertThat(store().c2d().remove(id("d1"), "m1")).isFalse();
        assertThat(store().c2d().remove(id("d2"), "m2")).isFalse();
        assertThat(store().c2d().pending(id("d1"), T0, 10)).extracting(C2dMessage::messageId).containsExactly("m2");
    }
}
