package org.opencentral.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencentral.core.DomainException;
import org.opencentral.core.filter.ListLiteral;
import org.opencentral.core.filter.ListOrdering;

class DeviceCursorTest {
    static final ListOrdering<DeviceField> BY_NAME = new ListOrdering<>(DeviceField.DISPLAY_NAME, ListOrdering.Direction.DESC);
    static final ListOrdering<DeviceField> BY_ACTIVITY = new ListOrdering<>(DeviceField.LAST_ACTIVITY, ListOrdering.Direction.ASC);

    @Test
    void everyKindOfKeyRoundTrips() {
        List<DeviceCursor> cursors = List.of(
                new DeviceCursor(BY_NAME, new ListLiteral.Text("two\nlines and 'quotes'"), "d-1"),
                new DeviceCursor(BY_NAME, new ListLiteral.Text(""), "d-2"),
                new DeviceCursor(BY_ACTIVITY, new ListLiteral.Null(), "d-3"),
                new DeviceCursor(BY_ACTIVITY, new ListLiteral.Time(Instant.ofEpochMilli(1_764_151_200_123L)), "d-4"),
                new DeviceCursor(new ListOrdering<>(DeviceField.CONNECTED, ListOrdering.Direction.ASC), new ListLiteral.Bool(true),
                        "d-5"));

        for (DeviceCursor cursor : cursors) {
            assertThat(DeviceCursor.decode(cursor.encode(), cursor.order())).isEqualTo(cursor);
        }
    }

    @Test
    void aCursorOnlyFitsTheOrderItWasMadeFor() {
        String encoded = new DeviceCursor(BY_NAME, new ListLiteral.Text("a"), "d-1").encode();

        assertThatThrownBy(() -> DeviceCursor.decode(encoded, DeviceListQuery.BY_ID))
                .isInstanceOf(DomainException.class).hasMessageContaining("ordered by 'displayName desc'");
    }

    @Test
    void forgedOrTruncatedCursorsAreBadRequests() {
        for (String forged : List.of("", "displayName desc", "displayName desc\nd-1", "displayName desc\nd-1\nb1",
                "displayName desc\nd-1\nn", "displayName desc\n\nta", "displayName desc\nd-1\nx")) {
            assertThatThrownBy(() -> DeviceCursor.decode(forged, BY_NAME)).as(forged)
                    .isInstanceOf(DomainException.class).hasMessageContaining("follow nextLink as given");
        }
        assertThatThrownBy(() -> DeviceCursor.decode("lastActivity asc\nd-1\nisoon", BY_ACTIVITY))
                .isInstanceOf(DomainException.class);
    }
}
