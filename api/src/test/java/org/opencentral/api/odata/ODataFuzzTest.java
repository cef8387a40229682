package org.opencentral.api.odata;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.filter.InMemory;
import org.opencentral.core.filter.ListLiteral;
import org.opencentral.core.store.DeviceField;

/**
 * Coverage-guided fuzzing (Jazzer) of the OData {@code $filter} and {@code $orderby} parsers over
 * the device list's fields, as {@link ListOptions#read} runs them for a list request. The documented
 * refusal is a {@code BAD_REQUEST} {@link DomainException}; anything else thrown is a finding. What
 * parses is evaluated in memory on devices whose members are all absent, all text, all true or all
 * one instant (whichever the field's type takes). Seeds: {@code ODataFuzzTestInputs/<method>/}.
 */
class ODataFuzzTest {
    private static final Fields<DeviceField> FIELDS = Fields.of(DeviceField.values());
    private static final List<ListLiteral> VALUES = List.of(new ListLiteral.Null(), new ListLiteral.Text("dev-1"),
            new ListLiteral.Bool(true), new ListLiteral.Time(Instant.parse("2026-12-06T04:00:00Z")));

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void filter(byte[] input) {
        read(Optional.of(new String(input, StandardCharsets.UTF_8)), Optional.empty())
                .flatMap(ListOptions::filter)
                .ifPresent(filter -> VALUES.forEach(value -> InMemory.predicate(filter,
                        (ListLiteral item, DeviceField field) -> typed(field, item)).test(value)));
    }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void orderBy(byte[] input) {
        read(Optional.empty(), Optional.of(new String(input, StandardCharsets.UTF_8)))
                .flatMap(ListOptions::order)
                .ifPresent(order -> assertThat(order.field().sortable()).as("only sortable fields order").isTrue());
    }

    private static Optional<ListOptions<DeviceField>> read(Optional<String> filter, Optional<String> orderBy) {
        try {
            return Optional.of(ListOptions.read(filter, orderBy, FIELDS));
        } catch (DomainException refused) {
            assertThat(refused.code()).isEqualTo(ErrorCode.BAD_REQUEST);
            return Optional.empty();
        }
    }

    /** The item's value if it fits the field's type, else absent (as a store holds only typed values). */
    private static ListLiteral typed(DeviceField field, ListLiteral value) {
        boolean fits = switch (field.type()) {
            case TEXT -> value instanceof ListLiteral.Text;
            case BOOLEAN -> value instanceof ListLiteral.Bool;
            case INSTANT -> value instanceof ListLiteral.Time;
        };
        return fits ? value : new ListLiteral.Null();
    }
}
