package org.opencentral.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

public interface CursorStoreContract extends StoreFixture {
    @Test
    default void cursorOfAConsumerThatNeverRanIsZero() {
        assertThat(store().cursors().position("rules")).isZero();
    }

    @Test
    default void cursorsAreSavedPerConsumerAndOverwritten() {
        store().cursors().save("rules", 42);
        store().cursors().save("export-1", 7);
        store().cursors().save("rules", 43);

        assertThat(store().cursors().position("rules")).isEqualTo(43);
        assertThat(store().cursors().position("export-1")).isEqualTo(7);
        assertThat(reopen().cursors().position("rules")).isEqualTo(43);
    }

    @Test
    default void cursorsMayMoveBackForReplay() {
        store().cursors().save("export-1", 1_000);
        store().cursors().save("export-1", 10);

        assertThat(store().cursors().position("export-1")).isEqualTo(10);
        assertThatThrownBy(() -> store().cursors().save("export-1", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
